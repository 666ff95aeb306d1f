package com.storyloop.coverage.principles.adapter.out.postgres;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.coverage.principles.domain.BankStory;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.coverage.principles.domain.Scorecard;

/** Reads a client's bank from the coverage tables: each story with the latest scorecard of its current revision. */
public final class BankRows {

    private BankRows() {
    }

    /** The bank of client {@code clientId} of organisation {@code orgId} only: a client id reused in another organisation never mixes in. */
    public static List<BankStory> bank(JdbcTemplate jdbc, String orgId, String clientId) {
        Map<String, Scorecard> latest = new HashMap<>();
        // a scorecard counts only for a story of its own organisation
        jdbc.query("""
                select s.story_id, s.revision, s.verdict, s.overall, s.fits from coverage_score s
                  join coverage_story t on t.story_id = s.story_id and t.org_id = s.org_id
                 where s.org_id = ? and s.client_id = ?
                 order by s.occurred_at, s.rubric_version
                """, rs -> {
            latest.put(rs.getString(1) + "#" + rs.getInt(2), new Scorecard(rs.getString(3), rs.getInt(4), fits(rs.getString(5))));
        }, orgId, clientId);
        return jdbc.query("""
                select story_id, revision, principles, body, project_tag, retired, deep_dive from coverage_story where org_id = ? and client_id = ?
                """, (rs, i) -> new BankStory(rs.getString(1), rs.getInt(2), principles(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), rs.getBoolean(7), latest.get(rs.getString(1) + "#" + rs.getInt(2))), orgId, clientId);
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
