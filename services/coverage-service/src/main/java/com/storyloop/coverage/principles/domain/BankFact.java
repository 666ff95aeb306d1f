package com.storyloop.coverage.principles.domain;

import com.storyloop.rubric.scorecard.Principle;
import java.time.Instant;
import java.util.Set;

/**
 * What coverage keeps of one story or scoring event. Facts are stored per client and folded in the order they happened
 * ({@link #ORDER}), so the bank at any instant, and the readiness series, do not depend on the order they arrived in.
 */
public sealed interface BankFact {

    /** Time order; within one instant a stream's own order, then the event id, so every fold sees the same sequence. */
    java.util.Comparator<Stamped> ORDER = java.util.Comparator.comparing(Stamped::occurredAt)
            .thenComparingLong(Stamped::streamVersion)
            .thenComparing(Stamped::eventId);

    String storyId();

    /** A fact with when it happened. */
    record Stamped(String eventId, Instant occurredAt, long streamVersion, BankFact fact) {
    }

    /** A story's text at a revision (StoryDrafted or StoryRevised). */
    record TextWritten(String storyId, long version, int revision, Set<Principle> claimed, String text, String projectTag)
            implements BankFact {

        public TextWritten {
            claimed = Set.copyOf(claimed);
        }
    }

    record ClaimsReplaced(String storyId, long version, Set<Principle> claimed) implements BankFact {

        public ClaimsReplaced {
            claimed = Set.copyOf(claimed);
        }
    }

    record DeepDiveSet(String storyId, long version, boolean attached) implements BankFact {
    }

    record RetirementSet(String storyId, long version, boolean retired) implements BankFact {
    }

    /** The engine's scorecard of one revision under one rubric version; a later one for the same revision replaces it. */
    record Scored(String storyId, int revision, String rubricVersion, Scorecard scorecard) implements BankFact {
    }
}
