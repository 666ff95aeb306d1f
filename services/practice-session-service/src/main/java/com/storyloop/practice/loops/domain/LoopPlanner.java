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
import com.storyloop.practice.questions.domain.Level;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.practice.questions.domain.Question;

/**
 * Plans a loop from a format and the client's bank (rubric.md, practice loop rules).
 * <p>
 * Principles: the format's principles (or the 16 in rubric order), as many as the loop has slots. When the format has a
 * bar raiser, the last interview takes the principles the bank covers least (weakest best story), because that is where a
 * bar raiser digs; ties go to the later principles, so a bank that covers everything equally keeps the format's order.
 * The rest fill the other interviews in the format's order, except that no interviewer gets more than its share of the
 * thinly covered principles (no PASS story), so no one interviewer gets all the hard ones, and an interviewer never asks a
 * principle twice while another one could ask it. Each interview asks its principles in the format's order.
 * <p>
 * Stories: every slot gets the strongest story that evidences its principle, preferring stories not yet leaning on more
 * than two answers, then PASS over BORDERLINE over unscored, then latest score times fit. A story never answers the same
 * principle twice in one loop; FAIL and retired stories are never proposed. Slots the bank cannot fill name why.
 * <p>
 * Questions: every slot suggests a question of its principle from the bank, its probes with it: at a target level of L6 and
 * above the variant pitched at that level first (an L8 candidate gets the L7 variant when there is no L8 one), otherwise a
 * question for any level; never one pitched at another level, and never the same question (or a variant of it) twice.
 */
public final class LoopPlanner {

    public static final int MAX_ANSWERS_PER_STORY = 2;

    private LoopPlanner() {
    }

    public static LoopPlan plan(LoopFormat format, List<StoryCandidate> bank) {
        return plan(format, bank, List.of(), null);
    }

    /**
     * @param questions   the question bank, in preference order (built-in first)
     * @param targetLevel the level the client's bank targets, or null when unknown
     */
    public static LoopPlan plan(LoopFormat format, List<StoryCandidate> bank, List<Question> questions, Level targetLevel) {
        List<StoryCandidate> live = bank.stream().filter(s -> !s.retired()).toList();
        List<List<Principle>> assignment = assign(format, live);
        Map<String, Integer> uses = new HashMap<>();
        Map<Principle, Set<String>> usedFor = new HashMap<>();
        Set<String> askedQuestions = new HashSet<>();
        Map<String, StoryCandidate> byId = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        List<PlannedInterview> interviews = new ArrayList<>();
        for (int i = 0; i < format.interviews(); i++) {
            List<PlannedSlot> slots = new ArrayList<>();
            for (int s = 0; s < format.questionsPerInterview(); s++) {
                Principle principle = assignment.get(i).get(s);
                String questionId = suggestQuestion(principle, questions, targetLevel, askedQuestions);
                Set<String> already = usedFor.computeIfAbsent(principle, p -> new HashSet<>());
                List<StoryCandidate> evidencing = live.stream().filter(c -> c.evidences(principle)).toList();
                StoryCandidate best = evidencing.stream()
                        .filter(c -> c.verdict() != Verdict.FAIL && !already.contains(c.storyId()))
                        // a story over the limit last; then the best verdict; among equals, a story not used yet (interviewers compare
                        // notes, and a loop answered from few stories looks one-dimensional); then the strongest for this principle
                        .min(Comparator.<StoryCandidate>comparingInt(c -> uses.getOrDefault(c.storyId(), 0) >= MAX_ANSWERS_PER_STORY ? 1 : 0)
                                .thenComparing(Comparator.comparingInt(StoryCandidate::verdictRank).reversed())
                                .thenComparingInt(c -> uses.getOrDefault(c.storyId(), 0))
                                .thenComparing(Comparator.<StoryCandidate>comparingDouble(c -> c.strengthFor(principle)).reversed())
                                .thenComparing(StoryCandidate::storyId))
                        .orElse(null);
                if (best == null) {
                    slots.add(new PlannedSlot(s, principle, null, unfilledReason(principle, bank, evidencing, already), questionId));
                    continue;
                }
                already.add(best.storyId());
                uses.merge(best.storyId(), 1, Integer::sum);
                byId.put(best.storyId(), best);
                if (best.verdict() != Verdict.PASS) {
                    warnings.add("Interview " + (i + 1) + ", question " + (s + 1) + " (" + principle + "): no PASS story evidences " + principle
                            + "; proposed \"" + best.title() + "\" (" + (best.verdict() == null ? "not scored yet" : best.verdict()) + ")");
                }
                slots.add(new PlannedSlot(s, principle, best.storyId(), null, questionId));
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

    /** The principles of each interview, in the format's order (see the class comment for who gets what). */
    static List<List<Principle>> assign(LoopFormat format, List<StoryCandidate> live) {
        List<Principle> order = format.principles().isEmpty() ? List.of(Principle.values()) : format.principles();
        List<Principle> asked = new ArrayList<>();
        for (int n = 0; n < format.slots(); n++) {
            asked.add(order.get(n % order.size()));
        }
        int perInterview = format.questionsPerInterview();
        List<List<Integer>> byInterview = new ArrayList<>();
        for (int i = 0; i < format.interviews(); i++) {
            byInterview.add(new ArrayList<>());
        }
        List<Integer> pool = new ArrayList<>(); // indexes into asked, still to deal
        for (int n = 0; n < asked.size(); n++) {
            pool.add(n);
        }
        int dealers = format.interviews();
        if (format.barRaiser()) {
            List<Integer> barRaiser = byInterview.get(format.interviews() - 1);
            List<Integer> weakestFirst = new ArrayList<>(pool);
            weakestFirst.sort(Comparator.<Integer>comparingDouble(n -> coverage(asked.get(n), live)).thenComparing(Comparator.reverseOrder()));
            for (int n : weakestFirst) {
                if (barRaiser.size() < perInterview && barRaiser.stream().noneMatch(b -> asked.get(b) == asked.get(n))) {
                    barRaiser.add(n);
                }
            }
            pool.removeAll(barRaiser);
            dealers--;
        }
        // thinly covered principles (no PASS story) are shared out: no interviewer gets more than its share of them
        int thin = (int) pool.stream().filter(n -> !hasPassingStory(asked.get(n), live)).count();
        int thinShare = dealers == 0 ? 0 : (thin + dealers - 1) / dealers;
        for (int n : pool) {
            deal(n, asked, byInterview, dealers, perInterview, hasPassingStory(asked.get(n), live) ? Integer.MAX_VALUE : thinShare, live);
        }
        List<List<Principle>> assignment = new ArrayList<>();
        for (List<Integer> interview : byInterview) {
            assignment.add(interview.stream().sorted().map(asked::get).toList());
        }
        return assignment;
    }

    /**
     * Gives asked principle n to the first interviewer with room that does not ask it yet and, for a thinly covered one, has
     * fewer than {@code thinShare} of those; failing that, to the first that does not ask it yet; failing that, the first with room.
     */
    private static void deal(int n, List<Principle> asked, List<List<Integer>> byInterview, int dealers, int perInterview, int thinShare,
                             List<StoryCandidate> live) {
        for (int pass = 0; pass < 3; pass++) {
            // last resort: a bar raiser left with room because the loop has too few distinct principles
            int limit = pass == 2 ? byInterview.size() : dealers;
            for (int i = 0; i < limit; i++) {
                List<Integer> interview = byInterview.get(i);
                boolean fits = interview.size() < perInterview
                        && (pass == 2 || interview.stream().noneMatch(m -> asked.get(m) == asked.get(n)))
                        && (pass >= 1 || interview.stream().filter(m -> !hasPassingStory(asked.get(m), live)).count() < thinShare);
                if (fits) {
                    interview.add(n);
                    return;
                }
            }
        }
    }

    /** How well the bank covers a principle: its strongest usable story's score times fit (0 when none). */
    private static double coverage(Principle principle, List<StoryCandidate> live) {
        return live.stream().filter(c -> c.evidences(principle) && c.verdict() != Verdict.FAIL).mapToDouble(c -> c.strengthFor(principle)).max()
                .orElse(0);
    }

    private static boolean hasPassingStory(Principle principle, List<StoryCandidate> live) {
        return live.stream().anyMatch(c -> c.evidences(principle) && c.verdict() == Verdict.PASS);
    }

    /** The id of the question suggested for a slot (see the class comment), or null when the bank has none for the principle. */
    private static String suggestQuestion(Principle principle, List<Question> questions, Level targetLevel, Set<String> asked) {
        Comparator<Question> preference = Comparator.comparingInt(q -> levelRank(q, targetLevel));
        List<Question> suitable = questions.stream().filter(q -> q.principle() == principle && levelRank(q, targetLevel) < Integer.MAX_VALUE)
                .sorted(preference).toList(); // a stable sort keeps the bank's order within a rank
        Question chosen = suitable.stream().filter(q -> !asked.contains(family(q))).findFirst()
                .orElse(suitable.isEmpty() ? null : suitable.get(0)); // more slots than questions: repeat rather than leave it bare
        if (chosen == null) {
            return null;
        }
        asked.add(family(chosen));
        return chosen.questionId();
    }

    /** 0: pitched at the target level; 1: the L7 variant for an L8 target; 2: for any level; MAX_VALUE: not suitable. */
    private static int levelRank(Question q, Level target) {
        if (q.level() == null) {
            return 2;
        }
        if (target != null && target.ordinal() >= Level.L6.ordinal() && q.level() == target) {
            return 0;
        }
        return target == Level.L8 && q.level() == Level.L7 ? 1 : Integer.MAX_VALUE;
    }

    /** A question and its level variants are one question: a loop asks it once. */
    private static String family(Question q) {
        return q.variantOf() != null ? q.variantOf() : q.questionId();
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
