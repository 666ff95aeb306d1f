package com.storyloop.practice.questions.adapter.out.resource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import com.storyloop.practice.questions.application.QuestionBank;
import com.storyloop.practice.questions.domain.Level;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.practice.questions.domain.Provenance;
import com.storyloop.practice.questions.domain.Question;

/**
 * The team's built-in questions, read once from {@code questions/built-in.json}: per principle, questions with their
 * probes and, where scope matters, an L7 variant (which becomes its own question, id suffixed {@code -l7}).
 */
@Component
@Order(1)
class BuiltInQuestionBank implements QuestionBank {

    static final String RESOURCE = "/questions/built-in.json";

    record Entry(String id, String text, List<String> probes, String L7) {
    }

    record PrincipleEntries(Principle principle, List<Entry> questions) {
    }

    private final List<Question> questions;

    BuiltInQuestionBank() {
        this.questions = List.copyOf(load());
    }

    @Override
    public List<Question> all() {
        return questions;
    }

    private static List<Question> load() {
        try (InputStream in = BuiltInQuestionBank.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            PrincipleEntries[] principles = JsonMapper.builder().build().readValue(in, PrincipleEntries[].class);
            List<Question> questions = new ArrayList<>();
            for (PrincipleEntries entries : principles) {
                for (Entry entry : entries.questions()) {
                    questions.add(new Question(entry.id(), entries.principle(), null, entry.text(), entry.probes(), null, Provenance.builtIn()));
                    if (entry.L7() != null) {
                        questions.add(new Question(entry.id() + "-l7", entries.principle(), Level.L7, entry.L7(), entry.probes(), entry.id(),
                                Provenance.builtIn()));
                    }
                }
            }
            return questions;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
    }
}
