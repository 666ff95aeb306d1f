package com.storyloop.story.stories.application;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.storyloop.security.caller.Caller;
import com.storyloop.story.bank.application.EventContext;
import com.storyloop.story.stories.application.importing.StoryDocument;
import com.storyloop.story.stories.domain.InputProblem;
import com.storyloop.story.stories.domain.InvalidStory;
import com.storyloop.story.stories.domain.StoryInput;
import com.storyloop.story.stories.domain.StoryRules;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.InvalidInput;

/**
 * Onboards a client's existing story document: checks all of it first and, if anything is wrong, refuses the whole
 * import listing every problem with its line; otherwise drafts every story in one transaction.
 */
@Service
public class ImportStoriesHandler {

    private final DraftStoryHandler drafts;

    public ImportStoriesHandler(DraftStoryHandler drafts) {
        this.drafts = drafts;
    }

    @Transactional
    public List<DraftStoryHandler.Drafted> importStories(Caller caller, String bankId, StoryDocument document, EventContext context) {
        // access first: a refused caller must not learn the bank's story count or the document's problems from it
        drafts.openBank(caller, bankId);
        // counted under the bank's draft lock, so a concurrent draft cannot push the bank over its limit in between
        int storyCount = drafts.lockBankAndCountStories(bankId);
        List<FieldProblem> problems = new ArrayList<>(document.problems());
        Set<String> reported = new HashSet<>();
        document.problems().forEach(p -> reported.add(p.field()));
        for (int i = 0; i < document.stories().size(); i++) {
            StoryDocument.DocumentStory story = document.stories().get(i);
            try {
                StoryRules.validText(story.input());
            } catch (InvalidStory invalid) {
                for (InputProblem problem : invalid.problems()) {
                    String field = "stories[" + i + "]." + problem.field();
                    if (reported.add(field)) {
                        problems.add(new FieldProblem(field, problem.message(), story.lineOf(problem.field())));
                    }
                }
            }
        }
        int room = StoryRules.MAX_STORIES_PER_BANK - storyCount;
        if (document.stories().size() > room) {
            StoryDocument.DocumentStory firstTooMany = document.stories().get(Math.max(0, room));
            problems.add(new FieldProblem("stories", "the bank holds " + storyCount + " of at most " + StoryRules.MAX_STORIES_PER_BANK
                    + " stories: room for " + Math.max(0, room) + ", not " + document.stories().size(), firstTooMany.line()));
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing(p -> p.line() == null ? 0 : p.line()));
            throw new InvalidInput("The import was refused, nothing was drafted: " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + " to fix", problems);
        }
        List<StoryInput> inputs = document.stories().stream().map(StoryDocument.DocumentStory::input).toList();
        return drafts.draftAll(caller, bankId, inputs, context);
    }
}
