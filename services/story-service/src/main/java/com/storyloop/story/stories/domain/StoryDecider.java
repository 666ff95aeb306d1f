package com.storyloop.story.stories.domain;

import com.storyloop.rubric.scorecard.Principle;
import java.util.List;

import com.storyloop.story.stories.domain.StoryCommand.AttachDeepDive;
import com.storyloop.story.stories.domain.StoryCommand.ClaimPrinciples;
import com.storyloop.story.stories.domain.StoryCommand.DraftStory;
import com.storyloop.story.stories.domain.StoryCommand.RestoreStory;
import com.storyloop.story.stories.domain.StoryCommand.RetireStory;
import com.storyloop.story.stories.domain.StoryCommand.ReviseStory;
import com.storyloop.story.stories.domain.StoryEvent.DeepDiveAttached;
import com.storyloop.story.stories.domain.StoryEvent.PrinciplesClaimed;
import com.storyloop.story.stories.domain.StoryEvent.StoryDrafted;
import com.storyloop.story.stories.domain.StoryEvent.StoryRestored;
import com.storyloop.story.stories.domain.StoryEvent.StoryRetired;
import com.storyloop.story.stories.domain.StoryEvent.StoryRevised;

/** The story's rules as pure functions: decide(command, state) -> events; evolve(state, event) -> state. */
public final class StoryDecider {

    private StoryDecider() {
    }

    public static List<StoryEvent> decide(StoryCommand command, Story state) {
        if (command instanceof DraftStory draft) {
            return draft(draft, state);
        }
        requireDrafted(state);
        if (command instanceof ReviseStory revise) {
            requireActive(state, "revised");
            StoryText text = StoryRules.validText(revise.input());
            StoryRules.checkOptionalText("note", revise.note(), StoryRules.MAX_NOTE);
            if (text.equals(state.text())) {
                throw new StoryRuleViolation("revision", "Nothing changed: this text is identical to revision " + state.revision()
                        + ", so no new revision was made");
            }
            return List.of(new StoryRevised(state.storyId(), state.revision() + 1, text, revise.note(), revise.now()));
        }
        if (command instanceof ClaimPrinciples claim) {
            requireActive(state, "changed");
            List<Principle> principles = StoryRules.validPrinciples(claim.principles());
            if (principles.equals(state.text().principles())) {
                throw new StoryRuleViolation("principles", "Nothing changed: the story already claims exactly these principles");
            }
            return List.of(new PrinciplesClaimed(state.storyId(), state.revision(), principles, claim.now()));
        }
        if (command instanceof AttachDeepDive attach) {
            requireActive(state, "changed");
            List<DeepDiveSection> sections = StoryRules.validDeepDive(attach.sections());
            if (sections.equals(state.deepDive())) {
                throw new StoryRuleViolation("sections", sections.isEmpty() ? "Nothing changed: the story has no deep-dive appendix to remove"
                        : "Nothing changed: the story already has exactly this deep-dive appendix");
            }
            return List.of(new DeepDiveAttached(state.storyId(), sections, attach.now()));
        }
        if (command instanceof RetireStory retire) {
            if (state.retired()) {
                throw new StoryRuleViolation("storyId", "The story is already retired");
            }
            StoryRules.checkOptionalText("reason", retire.reason(), StoryRules.MAX_REASON);
            return List.of(new StoryRetired(state.storyId(), retire.reason(), retire.now()));
        }
        if (command instanceof RestoreStory restore) {
            if (!state.retired()) {
                throw new StoryRuleViolation("storyId", "The story is not retired, so there is nothing to restore");
            }
            return List.of(new StoryRestored(state.storyId(), restore.now()));
        }
        throw new IllegalArgumentException("Unhandled command " + command);
    }

    private static List<StoryEvent> draft(DraftStory draft, Story state) {
        if (state.drafted()) {
            throw new StoryRuleViolation("storyId", "Story " + state.storyId() + " already exists");
        }
        if (draft.bank().storyCount() >= StoryRules.MAX_STORIES_PER_BANK) {
            throw new StoryRuleViolation("bankId", "A bank holds at most " + StoryRules.MAX_STORIES_PER_BANK
                    + " stories, retired ones included, and this one is full");
        }
        StoryText text = StoryRules.validText(draft.input());
        return List.of(new StoryDrafted(draft.storyId(), draft.bank().bankId(), draft.bank().orgId(), draft.bank().clientId(), text,
                draft.now()));
    }

    private static void requireDrafted(Story state) {
        if (!state.drafted()) {
            throw new StoryRuleViolation("storyId", "There is no such story");
        }
    }

    private static void requireActive(Story state, String what) {
        if (state.retired()) {
            throw new StoryRuleViolation("storyId", "The story is retired and cannot be " + what + "; restore it first");
        }
    }

    public static Story evolve(Story state, StoryEvent event) {
        if (event instanceof StoryDrafted drafted) {
            return new Story(drafted.storyId(), drafted.bankId(), drafted.orgId(), drafted.clientId(), 1, drafted.text(), List.of(), false);
        }
        if (event instanceof StoryRevised revised) {
            return new Story(state.storyId(), state.bankId(), state.orgId(), state.clientId(), revised.revision(), revised.text(),
                    state.deepDive(), state.retired());
        }
        if (event instanceof PrinciplesClaimed claimed) {
            return new Story(state.storyId(), state.bankId(), state.orgId(), state.clientId(), state.revision(),
                    state.text().withPrinciples(claimed.principles()), state.deepDive(), state.retired());
        }
        if (event instanceof DeepDiveAttached attached) {
            return new Story(state.storyId(), state.bankId(), state.orgId(), state.clientId(), state.revision(), state.text(),
                    List.copyOf(attached.sections()), state.retired());
        }
        if (event instanceof StoryRetired) {
            return new Story(state.storyId(), state.bankId(), state.orgId(), state.clientId(), state.revision(), state.text(),
                    state.deepDive(), true);
        }
        if (event instanceof StoryRestored) {
            return new Story(state.storyId(), state.bankId(), state.orgId(), state.clientId(), state.revision(), state.text(),
                    state.deepDive(), false);
        }
        throw new IllegalArgumentException("Unhandled event " + event);
    }

    public static Story fold(List<StoryEvent> events) {
        Story state = Story.NONE;
        for (StoryEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
