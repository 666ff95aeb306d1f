package com.storyloop.scoring.coaching.query.calibrating;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.storyloop.rubric.scorecard.Dimension;
import com.storyloop.rubric.scorecard.FlagCode;
import com.storyloop.rubric.scorecard.Verdict;
import com.storyloop.scoring.coaching.domain.Calibration;
import com.storyloop.scoring.coaching.domain.CalibrationReport;
import com.storyloop.scoring.coaching.domain.CoachScore;
import com.storyloop.scoring.coaching.domain.EngineScore;
import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;
import com.storyloop.web.access.Access;

/**
 * Calibration of an organisation: each coach's latest score of a revision next to the engine's scorecard of that revision
 * under the same rubric version. Coach scores whose scorecard does not exist (yet) are counted as pending, not compared.
 */
@Component
public class Calibrating {

    /** The report, with the filters applied and the coach scores still waiting for their engine scorecard. */
    public record CalibrationView(String orgId, String coachId, String rubricVersion, int pending, CalibrationReport report) {
    }

    private final JdbcTemplate jdbc;

    public Calibrating(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A coach sees their own calibration (naming no coach means themselves; naming another answers 404 like a stranger's);
     * an org admin sees any coach's or, naming none, the whole organisation's; a client gets 403; outsiders 404.
     */
    public CalibrationView calibrate(Caller caller, String orgId, String coachId, String rubricVersion) {
        String coach = coachId;
        if (coach == null && caller.has(Role.COACH) && !caller.has(Role.ORG_ADMIN)) {
            coach = caller.coachId();
        }
        if (coach == null) {
            Access.requireOrganisation(caller, orgId);
        } else {
            Access.requireCoach(caller, orgId, coach);
        }
        return calibrate(orgId, coach, rubricVersion);
    }

    public CalibrationView calibrate(String orgId, String coachId, String rubricVersion) {
        List<Object> args = new ArrayList<>();
        args.add(orgId);
        String filters = "";
        if (coachId != null) {
            filters += " and c.coach_id = ?";
            args.add(coachId);
        }
        if (rubricVersion != null) {
            filters += " and c.rubric_version = ?";
            args.add(rubricVersion);
        }
        List<Calibration.Comparison> comparisons = new ArrayList<>();
        int[] pending = {0};
        jdbc.query("""
                select latest.coach_id, latest.dimension_scores, latest.flags, latest.verdict, latest.comment,
                       s.dimension_scores as engine_dimensions, s.flags as engine_flags, s.verdict as engine_verdict
                from (select distinct on (c.coach_id, c.story_id, c.revision, c.rubric_version) c.*
                      from coach_scores c
                      where c.org_id = ?""" + filters + """

                      order by c.coach_id, c.story_id, c.revision, c.rubric_version, c.scored_at desc, c.event_id) latest
                left join scorecards s on s.story_id = latest.story_id and s.revision = latest.revision and s.rubric_version = latest.rubric_version
                order by latest.coach_id, latest.story_id, latest.revision
                """, rs -> {
            if (rs.getString("engine_verdict") == null) {
                pending[0]++;
                return;
            }
            CoachScore coach = new CoachScore(rs.getString("coach_id"), dimensions(rs.getArray("dimension_scores")),
                    Verdict.valueOf(rs.getString("verdict")), flags(rs.getArray("flags")), rs.getString("comment"));
            EngineScore engine = new EngineScore(dimensions(rs.getArray("engine_dimensions")), java.util.EnumSet.copyOf(flagsOrNone(rs.getArray("engine_flags"))),
                    Verdict.valueOf(rs.getString("engine_verdict")));
            comparisons.add(new Calibration.Comparison(coach, engine));
        }, args.toArray());
        return new CalibrationView(orgId, coachId, rubricVersion, pending[0], Calibration.of(comparisons));
    }

    private static Map<Dimension, Integer> dimensions(Array column) throws SQLException {
        Integer[] scores = (Integer[]) column.getArray();
        Map<Dimension, Integer> dimensions = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            if (d.ordinal() < scores.length && scores[d.ordinal()] != null) {
                dimensions.put(d, scores[d.ordinal()]);
            }
        }
        return dimensions;
    }

    /** EnumSet.copyOf needs a non-empty collection or an EnumSet. */
    private static java.util.Collection<FlagCode> flagsOrNone(Array column) throws SQLException {
        List<FlagCode> flags = flags(column);
        return flags.isEmpty() ? java.util.EnumSet.noneOf(FlagCode.class) : flags;
    }

    private static List<FlagCode> flags(Array column) throws SQLException {
        List<FlagCode> flags = new ArrayList<>();
        for (String name : (String[]) column.getArray()) {
            flags.add(FlagCode.valueOf(name));
        }
        return flags;
    }
}
