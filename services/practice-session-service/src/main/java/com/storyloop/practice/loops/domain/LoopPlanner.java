package com.storyloop.practice.loops.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.storyloop.practice.loops.domain.LoopPlan.PlannedInterview;
import com.storyloop.practice.loops.domain.LoopPlan.PlannedSlot;
import com.storyloop.practice.questions.domain.Principle;

/**
 * Plans a loop from a format and the client's bank (rubric.md, practice loop rules): principles go to interviews in order,
 * and every slot gets the strongest story that evidences its principle, preferring stories not yet leaning on more than
 * two answers, then PASS over BORDERLINE over unscored, then latest score times fit. A story never answers the same
 * principle twice in one loop; FAIL and retired stories are never proposed. Slots the bank cannot fill name why.
 */
public final class LoopPlanner {

    public static final int MAX_ANSWERS_PER_STORY = 2;

    private LoopPlanner() {
    }

    public static LoopPlan plan(LoopFormat format, List<StoryCandidate> bank) {
        List<Principle> order = format.principles().isEmpty() ? List.of(Principle.values()) : format.principles();
        List<StoryCandidate> live = bank.stream().filter(s -> !s.retired()).toList();
        Map<String, Integer> uses = new HashMap<>();
        Map<Principle, Set<String>> usedFor = new HashMap<>();
        Map<String, StoryCandidate> byId = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        List<PlannedInterview> interviews = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < format.interviews(); i++) {
            List<PlannedSlot> slots = new ArrayList<>();
            for (int s = 0; s < format.questionsPerInterview(); s++, n++) {
                Principle principle = order.get(n % order.size());
                Set<String> already = usedFor.computeIfAbsent(principle, p -> new HashSet<>());
                List<StoryCandidate> evidencing = live.stream().filter(c -> c.evidences(principle)).toList();
                StoryCandidate best = evidencing.stream()
                        .filter(c -> c.verdict() != Verdict.FAIL && !already.contains(c.storyId()))
                        .min(Comparator.<StoryCandidate>comparingInt(c -> uses.getOrDefault(c.storyId(), 0) >= MAX_ANSWERS_PER_STORY ? 1 : 0)
                                .thenComparing(Comparator.comparingInt(StoryCandidate::verdictRank).reversed())
                                .thenComparing(Comparator.<StoryCandidate>comparingDouble(c -> c.strengthFor(principle)).reversed())
                                .thenComparing(StoryCandidate::storyId))
                        .orElse(null);
                if (best == null) {
                    slots.add(new PlannedSlot(s, principle, null, unfilledReason(principle, bank, evidencing, already)));
                    continue;
                }
                already.add(best.storyId());
                uses.merge(best.storyId(), 1, Integer::sum);
                byId.put(best.storyId(), best);
                if (best.verdict() != Verdict.PASS) {
                    warnings.add("Interview " + (i + 1) + ", question " + (s + 1) + " (" + principle + "): no PASS story evidences " + principle
                            + "; proposed \"" + best.title() + "\" (" + (best.verdict() == null ? "not scored yet" : best.verdict()) + ")");
                }
                slots.add(new PlannedSlot(s, principle, best.storyId(), null));
            }
            boolean barRaiser = format.barRaiser() && i == format.interviews() - 1;
            interviews.add(new PlannedInterview(i, barRaiser ? "Bar raiser" : role(i), null, barRaiser, slots));
        }
        byId.forEach((id, story) -> {
            int count = uses.get(id);
            if (count > MAX_ANSWERS_PER_STORY) {
                warnings.add("\"" + story.title() + "\" would answer " + count + " questions (more than " + MAX_ANSWERS_PER_STORY
                        + "): leaning on one story makes the candidate look one-dimensional");
            }
        });
        return new LoopPlan(interviews, warnings);
    }

    private static String role(int index) {
        return switch (index) {
            case 0 -> "Hiring manager";
            case 1 -> "Peer";
            default -> "Cross-functional partner";
        };
    }

    private static String unfilledReason(Principle principle, List<StoryCandidate> bank, List<StoryCandidate> evidencing, Set<String> already) {
        if (evidencing.isEmpty()) {
            boolean retiredOnly = bank.stream().anyMatch(c -> c.retired() && c.evidences(principle));
            return retiredOnly ? "only retired stories evidence " + principle : "no story in the bank evidences " + principle;
        }
        if (evidencing.stream().allMatch(c -> c.verdict() == Verdict.FAIL || already.contains(c.storyId()))
                && evidencing.stream().anyMatch(c -> already.contains(c.storyId()))) {
            return "every story that evidences " + principle + " already answers it in this loop (a story may not answer the same principle twice)";
        }
        return "no story that evidences " + principle + " passes: only FAIL stories";
    }
}
