package com.storyloop.coverage.principles.adapter.in.kafka;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.coverage.principles.adapter.out.postgres.BankRows;
import com.storyloop.coverage.principles.adapter.out.postgres.FactRows;
import com.storyloop.coverage.principles.adapter.out.postgres.FactRows.FactRow;
import com.storyloop.coverage.principles.adapter.out.postgres.StoryRows;
import com.storyloop.coverage.principles.adapter.out.postgres.StoryRows.StoryRow;
import com.storyloop.coverage.principles.domain.BankFact;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.coverage.principles.domain.Scorecard;
import com.storyloop.coverage.principles.domain.StoryState;
import com.storyloop.eventing.consumer.ConsumedEvent;
import com.storyloop.eventing.consumer.EventHandler;
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
 * Folds story and scoring events into coverage: the current story rows, every scorecard, and a fact per event from which
 * the client timeline is folded on read. Works a poll batch at a time (one read of the touched stories, three batched
 * writes), which is what lets a rebuild run at tens of thousands of events per second. Idempotent twice over: the
 * consumer's inbox skips a redelivered eventId, and story rows only move forward in their stream (version guard); a
 * scorecard is unique per (story, revision, rubric version), a fact per event id.
 */
@Configuration
public class PrincipleCoverageProjection implements EventHandler {

    public static final String GROUP = "coverage-principles";
    public static final List<String> TABLES = List.of("coverage_story", "coverage_score", "coverage_fact");

    @Bean
    ConsumerDefinition principleCoverageConsumer() {
        return new ConsumerDefinition(GROUP, List.of(Topics.STORY_EVENTS, Topics.SCORING_EVENTS), this, TABLES);
    }

    @Override
    public void apply(ConsumedEvent event, JdbcTemplate jdbc) {
        applyBatch(List.of(event), jdbc);
    }

    @Override
    public void applyBatch(List<ConsumedEvent> events, JdbcTemplate jdbc) {
        List<BankFact> eventFacts = new ArrayList<>(events.size()); // one per event (null: not folded), built once
        Set<String> touched = new LinkedHashSet<>(); // stories to load: to evolve them, and to check a scorecard's organisation
        for (ConsumedEvent event : events) {
            BankFact fact = fact(event.event());
            eventFacts.add(fact);
            if (fact != null) {
                touched.add(fact.storyId());
            }
        }
        Map<String, StoryRow> rows = StoryRows.load(jdbc, touched);
        Map<String, StoryRow> changed = new LinkedHashMap<>();
        List<FactRow> facts = new ArrayList<>();
        List<Object[]> scores = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            BankFact fact = eventFacts.get(i);
            if (fact == null) {
                continue;
            }
            Object e = events.get(i).event();
            EventMetadata m = events.get(i).metadata();
            facts.add(new FactRow(UUID.fromString(m.getEventId().toString()), m.getOrgId(), m.getClientId(),
                    new BankFact.Stamped(m.getEventId().toString(), m.getOccurredAt(), m.getStreamVersion(), fact)));
            StoryRow current = rows.get(fact.storyId());
            if (current != null && !current.orgId().equals(m.getOrgId())) {
                // the stream check cannot see this one: a scorecard stream of its own, naming another organisation's story
                throw new RejectedEvent("ORG_MISMATCH", "story " + fact.storyId() + " belongs to another organisation");
            }
            if (fact instanceof BankFact.Scored s) {
                scores.add(new Object[] {m.getOrgId(), m.getClientId(), s.storyId(), s.revision(), s.rubricVersion(), s.scorecard().verdict(),
                        s.scorecard().overall(), BankRows.fitsText(s.scorecard().fits()), Timestamp.from(m.getOccurredAt())});
                continue;
            }
            StoryState next = StoryState.evolve(current == null ? null : current.state(), fact);
            if (next == null || (current != null && next == current.state())) {
                continue;
            }
            StoryRow row = current == null ? new StoryRow(m.getOrgId(), m.getClientId(), bankId(e), title(e), next)
                    : current.with(title(e) == null ? current.title() : title(e), next);
            rows.put(fact.storyId(), row);
            changed.put(fact.storyId(), row);
        }
        StoryRows.upsert(jdbc, changed.values());
        StoryRows.insertScores(jdbc, scores);
        FactRows.insert(jdbc, facts);
    }

    /** The fact coverage keeps of an event, or null for events coverage does not fold. */
    static BankFact fact(Object e) {
        if (e instanceof StoryDrafted d) {
            return new BankFact.TextWritten(d.getStoryId(), d.getMetadata().getStreamVersion(), d.getRevision(), principles(d.getPrinciples()),
                    body(d.getSituation(), d.getTask(), d.getAction(), d.getResult(), d.getText()), d.getProjectTag());
        } else if (e instanceof StoryRevised r) {
            return new BankFact.TextWritten(r.getStoryId(), r.getMetadata().getStreamVersion(), r.getRevision(), principles(r.getPrinciples()),
                    body(r.getSituation(), r.getTask(), r.getAction(), r.getResult(), r.getText()), r.getProjectTag());
        } else if (e instanceof PrinciplesClaimed c) {
            return new BankFact.ClaimsReplaced(c.getStoryId(), c.getMetadata().getStreamVersion(), principles(c.getPrinciples()));
        } else if (e instanceof DeepDiveAttached a) {
            return new BankFact.DeepDiveSet(a.getStoryId(), a.getMetadata().getStreamVersion(), !a.getSections().isEmpty());
        } else if (e instanceof StoryRetired r) {
            return new BankFact.RetirementSet(r.getStoryId(), r.getMetadata().getStreamVersion(), true);
        } else if (e instanceof StoryRestored r) {
            return new BankFact.RetirementSet(r.getStoryId(), r.getMetadata().getStreamVersion(), false);
        } else if (e instanceof RevisionScored s) {
            if (s.getOverall() < 0 || s.getOverall() > 100) {
                throw new RejectedEvent("INVALID_SCORE", "overall " + s.getOverall() + " is outside 0-100");
            }
            Map<Principle, Double> fits = new EnumMap<>(Principle.class);
            for (PrincipleFit fit : s.getPrinciples()) {
                Principle p = Principle.ofCode(fit.getCode().name()).orElse(null);
                if (p != null) {
                    fits.put(p, fit.getFit());
                }
            }
            return new BankFact.Scored(s.getStoryId(), s.getRevision(), s.getRubricVersion(), new Scorecard(s.getVerdict().name(), s.getOverall(), fits));
        }
        return null;
    }

    private static String bankId(Object e) {
        return e instanceof StoryDrafted d ? d.getBankId() : e instanceof StoryRevised r ? r.getBankId() : null;
    }

    private static String title(Object e) {
        return e instanceof StoryDrafted d ? d.getTitle() : e instanceof StoryRevised r ? r.getTitle() : null;
    }


    private static Set<Principle> principles(List<PrincipleCode> codes) {
        Set<Principle> set = EnumSet.noneOf(Principle.class);
        for (PrincipleCode code : codes) {
            Principle p = Principle.ofCode(code.name()).orElse(null);
            if (p != null) {
                set.add(p);
            }
        }
        return set;
    }

    private static String body(String situation, String task, String action, String result, String text) {
        return Stream.of(situation, task, action, result, text).filter(Objects::nonNull).collect(Collectors.joining("\n"));
    }
}
