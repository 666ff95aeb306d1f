package com.storyloop.scoring.coaching.domain;

import java.util.List;
import java.util.Map;

/**
 * A coach's score as submitted, unchecked.
 *
 * @param dimensions dimension name to score; a null score stands for a value that was not a whole number
 */
public record CoachScoreInput(String coachId, Map<String, Integer> dimensions, String verdict, List<String> flags, String comment) {
}
