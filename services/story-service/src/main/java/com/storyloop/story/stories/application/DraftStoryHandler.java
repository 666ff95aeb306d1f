package com.storyloop.story.stories.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.storyloop.security.caller.Caller;
import com.storyloop.story.bank.application.BankRepository;
import com.storyloop.story.bank.application.EventContext;
import com.storyloop.story.bank.domain.StoryBank;
import com.storyloop.story.stories.domain.Story;
import com.storyloop.story.stories.domain.StoryCommand.DraftStory;
import com.storyloop.story.stories.domain.StoryCommand.DraftingBank;
import com.storyloop.story.stories.domain.StoryDecider;
import com.storyloop.story.stories.domain.StoryEvent;
import com.storyloop.story.stories.domain.StoryInput;
import com.storyloop.web.access.Access;
import com.storyloop.web.problems.ResourceNotFound;

/** Drafts new stories into an open bank: each story is a new stream whose first event is its revision 1. */
@Service
public class DraftStoryHandler {

    private final BankRepository banks;
    private final StoryRepository stories;
    private final Access access;
    private final Clock clock;

    public DraftStoryHandler(BankRepository banks, StoryRepository stories, Access access, Clock clock) {
        this.banks = banks;
        this.stories = stories;
        this.access = access;
        this.clock = clock;
    }

    public record Drafted(String bankId, String storyId, String title, int revision, long version) {
    }

    @Transactional
    public Drafted draft(Caller caller, String bankId, StoryInput input, EventContext context) {
        return draftAll(caller, bankId, List.of(input), context).get(0);
    }

    /**
     * Drafts every story in this transaction, or none. Callers that must report problems per story (import) check them
     * with {@link com.storyloop.story.stories.domain.StoryRules} first; here the first refusal aborts.
     */
    @Transactional
    public List<Drafted> draftAll(Caller caller, String bankId, List<StoryInput> inputs, EventContext context) {
        StoryBank bank = openBank(caller, bankId);
        int storyCount = stories.lockBankAndCountStories(bankId);
        List<Drafted> drafted = new java.util.ArrayList<>();
        for (StoryInput input : inputs) {
            String storyId = UUID.randomUUID().toString();
            DraftingBank facts = new DraftingBank(bank.bankId(), bank.orgId(), bank.clientId(), storyCount + drafted.size());
            List<StoryEvent> events = StoryDecider.decide(new DraftStory(storyId, facts, input, clock.instant()), Story.NONE);
            long version = stories.append(Story.NONE, 0, events, context);
            drafted.add(new Drafted(bankId, storyId, input.title(), 1, version));
        }
        return drafted;
    }

    /**
     * The bank drafts go into; 404 when there is none or the caller may not see its client (the stories take the bank's
     * organisation and client, so this one check covers everything drafted into it).
     */
    public StoryBank openBank(Caller caller, String bankId) {
        return banks.load(bankId).map(BankRepository.Loaded::bank).filter(StoryBank::opened)
                .filter(bank -> access.canSeeClient(caller, bank.orgId(), bank.clientId()))
                .orElseThrow(() -> new ResourceNotFound("story bank", bankId));
    }

    public int lockBankAndCountStories(String bankId) {
        return stories.lockBankAndCountStories(bankId);
    }
}
