package com.storyloop.practice.questions.adapter.out.jdbc;

import java.util.Arrays;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.storyloop.practice.questions.application.QuestionBank;
import com.storyloop.practice.questions.domain.Level;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.practice.questions.domain.Provenance;
import com.storyloop.practice.questions.domain.Question;

/** Questions accepted from content providers, with their provenance (provider, pack and pack version); after the built-in ones. */
@Component
@Order(2)
class ProviderQuestionBank implements QuestionBank {

    private final JdbcTemplate jdbc;

    ProviderQuestionBank(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Question> all() {
        return query("", new Object[0]);
    }

    @Override
    public List<Question> availableTo(String orgId) {
        return query(" where org_id = ?", new Object[] {orgId});
    }

    private List<Question> query(String where, Object[] args) {
        return jdbc.query("""
                select provider_id, question_id, pack_id, pack_version, principle, level, text, probes from provider_questions""" + where
                + " order by provider_id, pack_id, question_id", (rs, row) -> {
            String level = rs.getString("level");
            Level l = level == null ? null : Arrays.stream(Level.values()).filter(x -> x.name().equals(level)).findFirst().orElse(null);
            return new Question(rs.getString("question_id"), Principle.valueOf(rs.getString("principle")), l, rs.getString("text"),
                    Arrays.asList((String[]) rs.getArray("probes").getArray()), null,
                    Provenance.provider(rs.getString("provider_id"), rs.getString("pack_id"), rs.getString("pack_version")));
        }, args);
    }
}
