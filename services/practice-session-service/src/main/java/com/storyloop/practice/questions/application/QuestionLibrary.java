package com.storyloop.practice.questions.application;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.storyloop.practice.content.domain.ContentAllowList;
import com.storyloop.practice.questions.domain.Question;

/**
 * The questions an organisation's members are served and its loops may use: the built-in ones, and its own providers'
 * as far as its content allow-list lets them through (issue 7). Without an organisation (an operator) only the built-in ones.
 */
@Component
public class QuestionLibrary {

    private final List<QuestionBank> banks;
    private final ContentAllowList allowList;

    public QuestionLibrary(List<QuestionBank> banks, ContentAllowList allowList) {
        this.banks = banks;
        this.allowList = allowList;
    }

    public List<Question> availableTo(String orgId) {
        return banks.stream().flatMap(bank -> (orgId == null ? bank.all() : bank.availableTo(orgId)).stream())
                .filter(q -> q.provenance().providerId() == null || allowList.serves(orgId, q.provenance().providerId())).toList();
    }

    public Optional<Question> find(String orgId, String questionId) {
        return availableTo(orgId).stream().filter(q -> q.questionId().equals(questionId)).findFirst();
    }
}
