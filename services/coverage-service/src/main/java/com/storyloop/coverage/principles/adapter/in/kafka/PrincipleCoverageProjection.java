package com.storyloop.coverage.principles.adapter.in.kafka;

import java.sql.Timestamp;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.coverage.principles.adapter.out.postgres.BankRows;
import com.storyloop.coverage.principles.domain.BankStory;
import com.storyloop.coverage.principles.domain.CoverageReport;
import com.storyloop.coverage.principles.domain.PrincipleCoverage;
import com.storyloop.eventing.consumer.ConsumedEvent;
import com.storyloop.eventing.consumer.RejectedEvent;
import com.storyloop.eventing.spring.ConsumerDefinition;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.scoring.PrincipleFit;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.events.story.DeepDiveAttached;
import com.storyloop.events.story.PrinciplesClaimed;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.events.story.StoryRestored;
import com.storyloop.events.story.StoryRetired;
import com.storyloop.events.story.StoryRevised;
import com.storyloop.schemas.Topics;

/**
 * Folds story and scoring events into the coverage tables. Idempotent twice over: the consumer's inbox skips a redelivered
 * eventId, and story rows only move forward in their stream (last_version guard); a scorecard is unique per
 * (story, revision, rubric version).
 */
@Configuration
public class PrincipleCoverageProjection {

    public static final String GROUP = "coverage-principles";

    @Bean
    ConsumerDefinition principleCoverageConsumer() {
        return new ConsumerDefinition(GROUP, List.of(Topics.STORY_EVENTS, Topics.SCORING_EVENTS), PrincipleCoverageProjection::apply);
    }

    static void apply(ConsumedEvent event, JdbcTemplate jdbc) {
        Object e = event.event();
        if (e instanceof StoryDrafted drafted) {
            upsertText(jdbc, drafted.getMetadata(), drafted.getBankId(), drafted.getStoryId(), drafted.getTitle(), drafted.getRevision(),
                    drafted.getPrinciples(), body(drafted.getSituation(), drafted.getTask(), drafted.getAction(), drafted.getResult(), drafted.getText()),
                    drafted.getProjectTag());
        } else if (e instanceof StoryRevised revised) {
            upsertText(jdbc, revised.getMetadata(), revised.getBankId(), revised.getStoryId(), revised.getTitle(), revised.getRevision(),
                    revised.getPrinciples(), body(revised.getSituation(), revised.getTask(), revised.getAction(), revised.getResult(), revised.getText()),
                    revised.getProjectTag());
        } else if (e instanceof PrinciplesClaimed claimed) {
            guarded(jdbc, "principles = ?", claimed.getMetadata(), claimed.getStoryId(), codes(claimed.getPrinciples()));
        } else if (e instanceof DeepDiveAttached attached) {
            guarded(jdbc, "deep_dive = ?", attached.getMetadata(), attached.getStoryId(), !attached.getSections().isEmpty());
        } else if (e instanceof StoryRetired retired) {
            guarded(jdbc, "retired = ?", retired.getMetadata(), retired.getStoryId(), true);
        } else if (e instanceof StoryRestored restored) {
            guarded(jdbc, "retired = ?", restored.getMetadata(), restored.getStoryId(), false);
        } else if (e instanceof RevisionScored scored) {
            score(jdbc, scored);
        } else {
            return;
        }
        snapshot(jdbc, event.metadata());
    }

    /** Readiness after this event, for the client timeline (readiness and stories at PASS over time). */
    private static void snapshot(JdbcTemplate jdbc, EventMetadata m) {
        List<BankStory> bank = BankRows.bank(jdbc, m.getClientId());
        CoverageReport report = PrincipleCoverage.assess(bank);
        long passing = bank.stream().filter(s -> s.active() && s.scorecard() != null && s.scorecard().passes()).count();
        long active = bank.stream().filter(BankStory::active).count();
        jdbc.update("""
                insert into client_readiness_history (event_id, org_id, client_id, at, readiness, stories_at_pass, active_stories)
                select ?, ?, ?, greatest(?::timestamptz, (select max(at) from client_readiness_history where client_id = ?)), ?, ?, ?
                on conflict do nothing
                """, m.getEventId(), m.getOrgId(), m.getClientId(), Timestamp.from(m.getOccurredAt()), m.getClientId(), report.readiness(),
                passing, active);
    }

    private static void upsertText(JdbcTemplate jdbc, EventMetadata m, String bankId, String storyId, String title, int revision,
                                   List<PrincipleCode> principles, String body, String projectTag) {
        jdbc.update("""
                insert into coverage_story (org_id, client_id, story_id, bank_id, title, revision, principles, body, project_tag, last_version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (story_id) do update set title = excluded.title, revision = excluded.revision, principles = excluded.principles,
                    body = excluded.body, project_tag = excluded.project_tag, last_version = excluded.last_version
                where coverage_story.last_version < excluded.last_version
                """, m.getOrgId(), m.getClientId(), storyId, bankId, title, revision, codes(principles), body, projectTag, m.getStreamVersion());
    }

    private static void guarded(JdbcTemplate jdbc, String assignment, EventMetadata m, String storyId, Object value) {
        jdbc.update("update coverage_story set " + assignment + ", last_version = ? where story_id = ? and last_version < ?",
                value, m.getStreamVersion(), storyId, m.getStreamVersion());
    }

    private static void score(JdbcTemplate jdbc, RevisionScored scored) {
        if (scored.getOverall() < 0 || scored.getOverall() > 100) {
            throw new RejectedEvent("INVALID_SCORE", "overall " + scored.getOverall() + " is outside 0-100");
        }
        EventMetadata m = scored.getMetadata();
        String fits = scored.getPrinciples().stream()
                .filter(f -> f.getCode() != PrincipleCode.UNKNOWN)
                .map(PrincipleCoverageProjection::fit)
                .collect(Collectors.joining(","));
        jdbc.update("""
                insert into coverage_score (org_id, client_id, story_id, revision, rubric_version, verdict, overall, fits, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """, m.getOrgId(), m.getClientId(), scored.getStoryId(), scored.getRevision(), scored.getRubricVersion(),
                scored.getVerdict().name(), scored.getOverall(), fits, Timestamp.from(m.getOccurredAt()));
    }

    private static String fit(PrincipleFit fit) {
        return fit.getCode().name() + "=" + fit.getFit();
    }

    private static String codes(List<PrincipleCode> principles) {
        return principles.stream().filter(p -> p != PrincipleCode.UNKNOWN).map(Enum::name).collect(Collectors.joining(","));
    }

    private static String body(String situation, String task, String action, String result, String text) {
        return Stream.of(situation, task, action, result, text).filter(Objects::nonNull).collect(Collectors.joining("\n"));
    }
}
