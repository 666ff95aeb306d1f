package com.storyloop.coverage.principles.adapter.out.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.coverage.principles.domain.BankStory;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.coverage.principles.domain.Scorecard;

/** Reads clients' banks from the coverage tables: each story with the latest scorecard of its current revision. */
public final class BankRows {

    private BankRows() {
    }

    /** The bank of client {@code clientId} of organisation {@code orgId} only: a client id reused in another organisation never mixes in. */
    public static List<BankStory> bank(JdbcTemplate jdbc, String orgId, String clientId) {
        return banks(jdbc, orgId, List.of(clientId)).getOrDefault(clientId, List.of());
    }

    /**
     * The banks of these clients of organisation {@code orgId} in one statement (a list of clients must not cost a query per
     * client), keyed by client id; a client without stories is absent. Each story carries the latest scorecard (by occurredAt,
     * then rubric version) of its current revision, and a scorecard counts only for a story of its own organisation and client.
     */
    public static Map<String, List<BankStory>> banks(JdbcTemplate jdbc, String orgId, Collection<String> clientIds) {
        Map<String, List<BankStory>> banks = new HashMap<>();
        if (clientIds.isEmpty()) {
            return banks;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select t.client_id, t.story_id, t.revision, t.principles, t.body, t.project_tag, t.retired, t.deep_dive,
                           s.verdict, s.overall, s.fits
                      from coverage_story t
                      left join lateral (
                           select verdict, overall, fits from coverage_score s
                            where s.story_id = t.story_id and s.revision = t.revision and s.org_id = t.org_id and s.client_id = t.client_id
                            order by s.occurred_at desc, s.rubric_version desc
                            limit 1) s on true
                     where t.org_id = ? and t.client_id = any(?)
                    """);
            ps.setString(1, orgId);
            ps.setArray(2, con.createArrayOf("text", clientIds.toArray()));
            return ps;
        }, (ResultSet rs) -> {
            String verdict = rs.getString(9);
            Scorecard card = verdict == null ? null : new Scorecard(verdict, rs.getInt(10), fits(rs.getString(11)));
            banks.computeIfAbsent(rs.getString(1), c -> new ArrayList<>()).add(new BankStory(rs.getString(2), rs.getInt(3),
                    principles(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8), card));
        });
        return banks;
    }

    static Set<Principle> principles(String codes) {
        Set<Principle> set = EnumSet.noneOf(Principle.class);
        if (codes == null || codes.isEmpty()) {
            return set;
        }
        for (String code : codes.split(",")) {
            Principle p = Principle.ofCode(code).orElse(null);
            if (p != null) {
                set.add(p);
            }
        }
        return set;
    }

    static Map<Principle, Double> fits(String fits) {
        Map<Principle, Double> map = new HashMap<>();
        if (fits == null || fits.isEmpty()) {
            return map;
        }
        for (String pair : fits.split(",")) {
            int eq = pair.indexOf('=');
            Principle p = eq < 0 ? null : Principle.ofCode(pair.substring(0, eq)).orElse(null);
            if (p != null) {
                map.put(p, Double.parseDouble(pair.substring(eq + 1)));
            }
        }
        return map;
    }

    static String codes(Set<Principle> principles) {
        return principles.stream().sorted().map(Enum::name).collect(java.util.stream.Collectors.joining(","));
    }

    /** A scorecard's fits as stored: CODE=fit pairs, comma-separated. */
    public static String fitsText(Map<Principle, Double> fits) {
        return fits.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().name() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(","));
    }
}
