package com.storyloop.bench.load;

import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generated STAR stories of 180-300 words (the rubric's target is about two minutes spoken), varied the way a client's revisions vary: a
 * different opening, a metric added or lost, "we" where "I" should be, a longer or shorter action. Seeded, so a run can be
 * repeated; every revision's text differs from the one before, since the store refuses a no-op revision.
 */
public final class StoryTexts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> PROJECTS = List.of("checkout", "billing", "search", "onboarding", "fulfilment", "reporting",
            "mobile app", "data platform");
    private static final List<String[]> PRINCIPLE_SETS = List.of(
            new String[] {"CUSTOMER_OBSESSION", "DIVE_DEEP"}, new String[] {"OWNERSHIP", "DELIVER_RESULTS"},
            new String[] {"BACKBONE", "EARN_TRUST"}, new String[] {"FRUGALITY", "INVENT_AND_SIMPLIFY"},
            new String[] {"BIAS_FOR_ACTION", "ARE_RIGHT_A_LOT"}, new String[] {"HIRE_AND_DEVELOP", "HIGHEST_STANDARDS"},
            new String[] {"THINK_BIG", "LEARN_AND_BE_CURIOUS"}, new String[] {"BROAD_RESPONSIBILITY", "EARTHS_BEST_EMPLOYER"});
    private static final List<String> SITUATIONS = List.of(
            "Conversion on the %s flow had dropped %d%% over two releases and nobody owned the gap between the teams involved.",
            "Our %s service missed its latency target in %d of the last twelve weeks while the roadmap kept growing.",
            "A partner escalated that the %s numbers we sent them were wrong by %d%% and threatened to pause the contract.",
            "The %s team I joined had shipped nothing for a quarter and %d engineers were waiting on a single review queue.");
    private static final List<String> TASKS = List.of(
            "I owned the %s outcome for the quarter and had to decide what to cut without losing the customers who depended on it.",
            "My task was to find the cause in %s before the next release, with the director asking for a rollback I did not believe in.",
            "I was accountable for the %s commitment we had made, and the plan on paper could not meet it.");
    private static final List<String> ACTIONS = List.of(
            "I pulled the raw logs myself and grouped the failures by customer segment, which showed the problem hit %d%% of one segment only.",
            "I wrote a one-page proposal with three options and their costs, and argued for the cheapest one with the director who disagreed.",
            "I set up a daily fifteen-minute review of the %d open defects and took the two hardest ones myself.",
            "I disagreed with the plan to add headcount and showed that removing one approval step saved %d hours a week instead.",
            "I built a small dashboard from the existing exports rather than buying a tool, which cost nothing and was live in two days.",
            "I asked the support lead to sit with me for an afternoon so I could hear %d real calls before deciding anything.",
            "I negotiated a one-week deadline with the partner and sent them a written correction with the method we used.",
            "I changed the release checklist so that the test that would have caught this runs on every build, not only before launches.");
    private static final List<String> WE_ACTIONS = List.of(
            "We agreed to rebuild the form and we shipped it after a few weeks.",
            "We looked at the data together and we decided to roll back.");
    private static final List<String> RESULTS = List.of(
            "Conversion recovered by %d%% within a month, tickets fell from %d to 31 a week, and the check became part of every release.",
            "Latency met the target for %d weeks in a row and the review queue went from %d items to under ten.",
            "The partner renewed for two years, and the correction process now takes %d hours instead of %d.",
            "It went well and everyone was happy with the outcome.");

    private StoryTexts() {
    }

    /** The JSON body of a draft (revision 1) or a revision, as the story API takes it. */
    public static String body(long seed, String title, int revision) {
        Random random = new Random(seed * 31 + revision);
        String project = PROJECTS.get(random.nextInt(PROJECTS.size()));
        ObjectNode story = JSON.createObjectNode();
        story.put("title", title);
        story.put("situation", String.format(SITUATIONS.get(random.nextInt(SITUATIONS.size())), project, 3 + random.nextInt(20))
                + " It was revision " + revision + " of how I tell it.");
        story.put("task", String.format(TASKS.get(random.nextInt(TASKS.size())), project));
        StringBuilder action = new StringBuilder();
        int sentences = 6 + random.nextInt(6);
        for (int i = 0; i < sentences; i++) {
            action.append(String.format(ACTIONS.get(random.nextInt(ACTIONS.size())), 5 + random.nextInt(60))).append(' ');
        }
        if (random.nextInt(4) == 0) {
            action.append(WE_ACTIONS.get(random.nextInt(WE_ACTIONS.size())));
        }
        story.put("action", action.toString().strip());
        story.put("result", String.format(RESULTS.get(random.nextInt(RESULTS.size())), 2 + random.nextInt(15), 40 + random.nextInt(200),
                3 + random.nextInt(40)));
        var principles = story.putArray("principles");
        for (String code : PRINCIPLE_SETS.get((int) Math.floorMod(seed, PRINCIPLE_SETS.size()))) {
            principles.add(code);
        }
        story.put("projectTag", project);
        if (revision > 1) {
            story.put("note", "revision " + revision + ": reworked the action and the numbers");
        }
        return story.toString();
    }
}
