package com.storyloop.scoring.rubrics.adapter.out.jdbc;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.storyloop.scoring.rubrics.application.RubricOffers;

/** Offered rubrics in the {@code offered_rubrics} table (written by the content.events consumer). */
@Repository
class JdbcOfferedRubrics implements RubricOffers.OfferedRubrics {

    private final JdbcTemplate jdbc;

    JdbcOfferedRubrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RubricOffers.Offer> offeredTo(String orgId) {
        return jdbc.query("""
                select org_id, provider_id, rubric_version, pack_id, pack_version, title, definition, requires, offered_at
                from offered_rubrics where org_id = ? order by offered_at, provider_id, rubric_version
                """, (rs, i) -> new RubricOffers.Offer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()), orgId);
    }
}
