package com.storyloop.practice.stories.query.choosingstories;

import java.sql.Array;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.storyloop.practice.loops.domain.StoryCandidate;
import com.storyloop.practice.loops.domain.Verdict;
import com.storyloop.practice.questions.domain.Level;
import com.storyloop.rubric.scorecard.Principle;

/** A client's bank as loop-planning candidates, from the local copies of story.events and scoring.events. */
@Component
public class ChoosingStories {

    private final JdbcTemplate jdbc;

    public ChoosingStories(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> bankOf(String orgId, String clientId) {
        return jdbc.queryForList("select bank_id from client_banks where org_id = ? and client_id = ?", String.class, orgId, clientId).stream()
                .findFirst();
    }

    /** Is this story one of the client's (as far as the local copy of story.events knows). */
    public boolean belongsTo(String orgId, String clientId, String storyId) {
        Integer n = jdbc.queryForObject("select count(*) from client_stories where story_id = ? and org_id = ? and client_id = ?", Integer.class,
                storyId, orgId, clientId);
        return n != null && n > 0;
    }

    /** The level the client's bank targets (StoryBankOpened), if it named one. */
    public Optional<Level> targetLevel(String orgId, String clientId) {
        return jdbc.queryForList("select target_level from client_banks where org_id = ? and client_id = ? and target_level is not null",
                String.class, orgId, clientId).stream().findFirst().flatMap(l -> Arrays.stream(Level.values()).filter(x -> x.name().equals(l))
                .findFirst());
    }

    public List<StoryCandidate> candidates(String orgId, String clientId) {
        Map<String, Map<Principle, Double>> fits = new HashMap<>();
        jdbc.query("""
                select f.story_id, f.principle, f.fit from story_fits f join client_stories s on s.story_id = f.story_id
                where s.org_id = ? and s.client_id = ?
                """, rs -> {
            String storyId = rs.getString("story_id");
            double fit = rs.getDouble("fit");
            Principle.ofCode(rs.getString("principle")).ifPresent(p -> fits.computeIfAbsent(storyId, id -> new HashMap<>()).put(p, fit));
        }, orgId, clientId);
        return jdbc.query("""
                select s.story_id, s.title, s.revision, s.principles, s.retired, sc.overall, sc.verdict
                from client_stories s left join story_scores sc on sc.story_id = s.story_id and sc.org_id = s.org_id
                where s.org_id = ? and s.client_id = ? order by s.story_id
                """, (rs, row) -> {
            Array array = rs.getArray("principles");
            Set<Principle> claimed = EnumSet.noneOf(Principle.class);
            Arrays.stream((String[]) array.getArray()).forEach(code -> Principle.ofCode(code).ifPresent(claimed::add));
            Integer overall = rs.getObject("overall") == null ? null : rs.getInt("overall");
            String verdict = rs.getString("verdict");
            Verdict v = verdict == null ? null : Arrays.stream(Verdict.values()).filter(x -> x.name().equals(verdict)).findFirst().orElse(null);
            return new StoryCandidate(rs.getString("story_id"), rs.getString("title"), rs.getInt("revision"), claimed,
                    fits.getOrDefault(rs.getString("story_id"), Map.of()), overall, v, rs.getBoolean("retired"));
        }, orgId, clientId);
    }
}
