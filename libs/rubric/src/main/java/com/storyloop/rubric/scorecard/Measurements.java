package com.storyloop.rubric.scorecard;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts behind the scorecard.
 *
 * @param wordsBySection    words per section kind (every kind present, in enum order)
 * @param totalWords        all words, appendix included
 * @param spokenWords       words that would be said aloud (appendix excluded)
 * @param actionResultShare (Action + Result) / spoken words, 0-1
 * @param speakingSeconds   spokenWords at {@code wordsPerMinute}
 * @param firstPersonSingularActions clauses in the agency scope whose subject is "I"
 * @param firstPersonPluralActions   clauses in the agency scope whose subject is "we"
 * @param explicitDecisions "I decided / I proposed / my call..." anywhere in the story
 * @param agencyScope       the section the I/we counts were taken from (ACTION, or ALL)
 */
public record Measurements(
        Map<SectionKind, Integer> wordsBySection,
        int totalWords,
        int spokenWords,
        double actionResultShare,
        int speakingSeconds,
        int wordsPerMinute,
        int firstPersonSingularActions,
        int firstPersonPluralActions,
        int explicitDecisions,
        String agencyScope,
        boolean hasAppendix) {

    public Measurements {
        EnumMap<SectionKind, Integer> copy = new EnumMap<>(SectionKind.class);
        for (SectionKind k : SectionKind.values()) {
            copy.put(k, wordsBySection.getOrDefault(k, 0));
        }
        wordsBySection = Collections.unmodifiableMap(copy);
    }
}
