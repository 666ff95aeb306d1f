package com.storyloop.practice.questions.query.listingquestions;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.storyloop.practice.questions.application.QuestionLibrary;
import com.storyloop.practice.questions.domain.Level;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.practice.questions.domain.Question;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.access.Access;

/**
 * Lists the question bank filtered by principle, level (questions for any level plus those pitched at exactly that level)
 * and source ({@code built-in} or a provider id), one page at a time. Every member is served the built-in questions and
 * their own organisation's provider questions its content allow-list lets through; an operator the built-in ones.
 */
@Component
public class ListingQuestions {

    private final QuestionLibrary library;

    public ListingQuestions(QuestionLibrary library) {
        this.library = library;
    }

    public QuestionPage list(Caller caller, Optional<Principle> principle, Optional<Level> level, Optional<String> source, int page, int size) {
        Access.requireMember(caller);
        List<Question> matching = library.availableTo(caller.orgId()).stream()
                .filter(q -> principle.map(p -> q.principle() == p).orElse(true))
                .filter(q -> level.map(q::suits).orElse(true))
                .filter(q -> source.map(s -> s.equals(q.provenance().source())).orElse(true))
                .toList();
        int from = (int) Math.min((long) page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        List<QuestionPage.QuestionView> items = matching.subList(from, to).stream().map(ListingQuestions::view).toList();
        int totalPages = (matching.size() + size - 1) / size;
        return new QuestionPage(items, page, size, matching.size(), totalPages);
    }

    private static QuestionPage.QuestionView view(Question q) {
        return new QuestionPage.QuestionView(q.questionId(), q.principle().name(), q.level() == null ? null : q.level().name(), q.text(),
                q.probes(), q.variantOf(), q.provenance().source(), q.provenance().providerId(), q.provenance().packId(),
                q.provenance().packVersion());
    }
}
