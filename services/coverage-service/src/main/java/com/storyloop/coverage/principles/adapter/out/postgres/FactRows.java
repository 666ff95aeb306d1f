package com.storyloop.coverage.principles.adapter.out.postgres;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.coverage.principles.domain.BankFact;
import com.storyloop.coverage.principles.domain.BankFact.ClaimsReplaced;
import com.storyloop.coverage.principles.domain.BankFact.DeepDiveSet;
import com.storyloop.coverage.principles.domain.BankFact.RetirementSet;
import com.storyloop.coverage.principles.domain.BankFact.Scored;
import com.storyloop.coverage.principles.domain.BankFact.Stamped;
import com.storyloop.coverage.principles.domain.BankFact.TextWritten;
import com.storyloop.coverage.principles.domain.Scorecard;

/** The coverage_fact table: one row per folded event, written in one batch per poll and read back per client. */
public final class FactRows {

    /** A fact with the event's identity and the client it belongs to. */
    public record FactRow(UUID eventId, String orgId, String clientId, Stamped stamped) {
    }

    private static final List<String> TYPES = List.of("uuid", "text", "text", "timestamptz", "int8", "text", "text", "int4", "text", "text", "text",
            "bool", "text", "text", "int4", "text");

    private FactRows() {
    }

    public static void insert(JdbcTemplate jdbc, List<FactRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> values = new java.util.ArrayList<>(rows.size());
        for (FactRow row : rows) {
            BankFact f = row.stamped().fact();
            Object[] v = new Object[TYPES.size()];
            v[0] = row.eventId();
            v[1] = row.orgId();
            v[2] = row.clientId();
            v[3] = Timestamp.from(row.stamped().occurredAt());
            v[4] = row.stamped().streamVersion();
            v[5] = f.storyId();
            if (f instanceof TextWritten t) {
                v[6] = "TEXT";
                v[7] = t.revision();
                v[8] = BankRows.codes(t.claimed());
                v[9] = t.text();
                v[10] = t.projectTag();
            } else if (f instanceof ClaimsReplaced c) {
                v[6] = "CLAIMS";
                v[8] = BankRows.codes(c.claimed());
            } else if (f instanceof DeepDiveSet d) {
                v[6] = "DEEP_DIVE";
                v[11] = d.attached();
            } else if (f instanceof RetirementSet r) {
                v[6] = "RETIREMENT";
                v[11] = r.retired();
            } else if (f instanceof Scored s) {
                v[6] = "SCORE";
                v[7] = s.revision();
                v[12] = s.rubricVersion();
                v[13] = s.scorecard().verdict();
                v[14] = s.scorecard().overall();
                v[15] = BankRows.fitsText(s.scorecard().fits());
            }
            values.add(v);
        }
        Unnest.write(jdbc, """
                insert into coverage_fact (event_id, org_id, client_id, occurred_at, stream_version, story_id, kind, revision, principles, body,
                                           project_tag, flag, rubric_version, verdict, overall, fits)
                select * from %s on conflict do nothing
                """.formatted(Unnest.of(TYPES)), TYPES, values);
    }

    /** Client {@code clientId}'s facts in organisation {@code orgId} only, so a client id reused elsewhere never folds in. */
    public static List<Stamped> forClient(JdbcTemplate jdbc, String orgId, String clientId) {
        return jdbc.query("""
                select event_id, occurred_at, stream_version, story_id, kind, revision, principles, body, project_tag, flag, rubric_version,
                       verdict, overall, fits
                  from coverage_fact where org_id = ? and client_id = ?
                """, (rs, i) -> {
            String story = rs.getString(4);
            long version = rs.getLong(3);
            String kind = rs.getString(5);
            BankFact fact = switch (kind) {
                case "TEXT" -> new TextWritten(story, version, rs.getInt(6), BankRows.principles(rs.getString(7)), rs.getString(8), rs.getString(9));
                case "CLAIMS" -> new ClaimsReplaced(story, version, BankRows.principles(rs.getString(7)));
                case "DEEP_DIVE" -> new DeepDiveSet(story, version, rs.getBoolean(10));
                case "RETIREMENT" -> new RetirementSet(story, version, rs.getBoolean(10));
                case "SCORE" -> new Scored(story, rs.getInt(6), rs.getString(11),
                        new Scorecard(rs.getString(12), rs.getInt(13), BankRows.fits(rs.getString(14))));
                default -> throw new IllegalStateException("Unknown coverage fact kind " + kind);
            };
            return new Stamped(rs.getString(1), rs.getTimestamp(2).toInstant(), version, fact);
        }, orgId, clientId);
    }
}
