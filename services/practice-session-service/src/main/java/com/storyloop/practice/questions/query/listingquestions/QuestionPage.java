package com.storyloop.practice.questions.query.listingquestions;

import java.util.List;

/** One page of questions matching the filters; page numbers start at 0. */
public record QuestionPage(List<QuestionView> items, int page, int size, long totalItems, int totalPages) {

    public record QuestionView(String questionId, String principle, String level, String text, List<String> probes, String variantOf,
                               String source, String providerId, String packId, String packVersion) {
    }
}
