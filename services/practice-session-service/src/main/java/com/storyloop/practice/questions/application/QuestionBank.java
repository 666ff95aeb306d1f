package com.storyloop.practice.questions.application;

import java.util.List;

import com.storyloop.practice.questions.domain.Question;

/** Port: every question currently in the bank, in a stable order (built-in first, then provider content). */
public interface QuestionBank {

    List<Question> all();

    /** The questions an organisation's loops may use: the built-in ones and its own providers' (the default: all). */
    default List<Question> availableTo(String orgId) {
        return all();
    }
}
