package com.storyloop.coverage.principles.domain;

import com.storyloop.rubric.scorecard.Principle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.storyloop.coverage.principles.domain.BankFact.ClaimsReplaced;
import com.storyloop.coverage.principles.domain.BankFact.RetirementSet;
import com.storyloop.coverage.principles.domain.BankFact.Scored;
import com.storyloop.coverage.principles.domain.BankFact.Stamped;
import com.storyloop.coverage.principles.domain.BankFact.TextWritten;
import com.storyloop.coverage.principles.domain.ClientHistory.ReadinessPoint;

import static org.assertj.core.api.Assertions.assertThat;

class ClientHistoryTest {

    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

    private static Stamped at(int minute, long version, BankFact fact) {
        return new Stamped("e-" + minute + "-" + fact.storyId() + "-" + version, T0.plusSeconds(60L * minute), version, fact);
    }

    private static Scorecard pass(Principle principle) {
        return new Scorecard("PASS", 80, Map.of(principle, 0.8));
    }

    private static List<Stamped> coachedBank() {
        List<Stamped> facts = new ArrayList<>();
        facts.add(at(1, 1, new TextWritten("s1", 1, 1, Set.of(Principle.FRUGALITY), "we saved money", "p1")));
        facts.add(at(2, 0, new Scored("s1", 1, "1", pass(Principle.FRUGALITY))));
        facts.add(at(3, 1, new TextWritten("s2", 1, 1, Set.of(Principle.OWNERSHIP), "I owned the outage", "p2")));
        facts.add(at(4, 0, new Scored("s2", 1, "1", new Scorecard("FAIL", 40, Map.of(Principle.OWNERSHIP, 0.3)))));
        facts.add(at(5, 2, new TextWritten("s2", 2, 2, Set.of(Principle.OWNERSHIP), "I owned the outage and fixed the pager", "p2")));
        facts.add(at(6, 0, new Scored("s2", 2, "1", pass(Principle.OWNERSHIP))));
        facts.add(at(7, 3, new ClaimsReplaced("s2", 3, Set.of(Principle.OWNERSHIP, Principle.DIVE_DEEP))));
        facts.add(at(8, 2, new RetirementSet("s1", 2, true)));
        return facts;
    }

    @Test
    void givenABanksFactsWhenFoldedThenEachInstantHasTheReadinessOfTheBankThen() {
        List<ReadinessPoint> series = ClientHistory.readinessSeries(coachedBank());

        assertThat(series).extracting(ReadinessPoint::at).isSortedAccordingTo(Instant::compareTo).hasSize(8);
        assertThat(series).extracting(ReadinessPoint::storiesAtPass).containsExactly(0, 1, 1, 1, 1, 2, 2, 1);
        assertThat(series).extracting(ReadinessPoint::activeStories).containsExactly(1, 1, 2, 2, 2, 2, 2, 1);
        // the mean overall of the active stories' current revisions: s2's FAIL (40) pulls it down, its reworked PASS (80) lifts
        // it; s2's new draft is unscored until its scorecard arrives, so only s1 counts then
        assertThat(series).extracting(ReadinessPoint::overall).containsExactly(null, 80.0, 80.0, 60.0, 80.0, 80.0, 80.0, 80.0);
        assertThat(series.get(1).readiness()).isGreaterThan(series.get(0).readiness());
        assertThat(series.get(7).readiness()).as("retiring the Frugality story costs readiness").isLessThan(series.get(6).readiness());
    }

    @Test
    void givenShuffledAndDuplicatedArrivalWhenFoldedThenTheSeriesEqualsTheInOrderOne() {
        List<ReadinessPoint> inOrder = ClientHistory.readinessSeries(coachedBank());
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            List<Stamped> arrival = new ArrayList<>(coachedBank());
            arrival.addAll(coachedBank().subList(0, random.nextInt(8)));
            Collections.shuffle(arrival, random);
            assertThat(ClientHistory.readinessSeries(dedupe(arrival))).isEqualTo(inOrder);
        }
    }

    @Test
    void givenAScorecardOfALaterRevisionWhenTheStoryIsStillAtTheEarlierOneThenItDoesNotCount() {
        ClientHistory history = new ClientHistory();
        history.apply(new TextWritten("s1", 1, 1, Set.of(Principle.FRUGALITY), "draft", null));
        history.apply(new Scored("s1", 2, "1", pass(Principle.FRUGALITY)));

        assertThat(history.bank()).singleElement().satisfies(s -> assertThat(s.scorecard()).isNull());

        history.apply(new TextWritten("s1", 2, 2, Set.of(Principle.FRUGALITY), "better", null));
        assertThat(history.bank()).singleElement().satisfies(s -> assertThat(s.scorecard().passes()).isTrue());
    }

    @Test
    void givenAnOlderVersionWhenAppliedAfterANewerOneThenTheStoryKeepsTheNewer() {
        StoryState v2 = StoryState.evolve(StoryState.evolve(null, new TextWritten("s1", 1, 1, Set.of(), "one", null)),
                new TextWritten("s1", 2, 2, Set.of(), "two", null));

        assertThat(StoryState.evolve(v2, new ClaimsReplaced("s1", 1, Set.of(Principle.BACKBONE)))).isSameAs(v2);
        assertThat(StoryState.evolve(v2, new RetirementSet("s1", 2, true))).isSameAs(v2);
        assertThat(StoryState.evolve(null, new RetirementSet("s1", 3, true))).as("nothing to retire before the text").isNull();
    }

    /** As the inbox does: an event id applies once. */
    private static List<Stamped> dedupe(List<Stamped> facts) {
        List<String> seen = new ArrayList<>();
        List<Stamped> unique = new ArrayList<>();
        for (Stamped f : facts) {
            if (!seen.contains(f.eventId())) {
                seen.add(f.eventId());
                unique.add(f);
            }
        }
        return unique;
    }
}
