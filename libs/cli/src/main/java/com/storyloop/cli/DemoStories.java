package com.storyloop.cli;

import java.util.List;
import java.util.Map;

/**
 * The demo clients' stories, each as the revisions a client would really write: a thin first draft ("we", no numbers),
 * then the coach's feedback worked in (own decisions, data as a mechanism, friction, a measured result).
 */
final class DemoStories {

    private DemoStories() {
    }

    /** One revision's complete text: STAR sections, claimed principles, and the note on what changed. */
    record Revision(String situation, String task, String action, String result, List<String> principles, String note) {
    }

    record DemoStory(String slug, String title, String projectTag, List<Revision> revisions) {
    }

    /**
     * A draft, its reworked revision, and a third that works in one more piece of coaching: what the client would do
     * differently or what happened next, added to the Action or the Result of the second.
     */
    static List<Revision> revised(Revision draft, Revision reworked, String moreAction, String moreResult, String note) {
        Revision third = new Revision(reworked.situation(), reworked.task(),
                moreAction == null ? reworked.action() : reworked.action() + " " + moreAction,
                moreResult == null ? reworked.result() : reworked.result() + " " + moreResult, reworked.principles(), note);
        return List.of(draft, reworked, third);
    }

    static final Map<String, List<DemoStory>> BY_CLIENT = Map.of(
            "ada-lovelace", List.of(
                    new DemoStory("checkout-rollback", "Rolled back a conversion win for screen-reader users", "checkout-redesign", List.of(
                            new Revision(
                                    "We redesigned the checkout and conversion went up 4%.",
                                    "We wanted to keep improving conversion.",
                                    "We looked at the support tickets and made some fixes for accessibility.",
                                    "Conversion stayed up and customers were happier.",
                                    List.of("CUSTOMER_OBSESSION"), null),
                            new Revision(
                                    "I led checkout for a marketplace with 2 million monthly buyers. Two weeks after our redesign lifted conversion by 4%, "
                                            + "support tickets tagged 'cannot pay' from screen-reader users tripled, from 40 to 120 a week.",
                                    "I owned checkout quality for every buyer, including the minority the aggregate number hid.",
                                    "I read 60 of the tickets myself and reproduced the failure with VoiceOver: the new address form trapped focus. "
                                            + "I proposed rolling the redesign back for assistive-technology sessions only, keeping it for everyone else, "
                                            + "and asked our accessibility specialist to review the fix before we shipped it.",
                                    "Tickets fell back to 38 a week within ten days and overall conversion kept +3.6%.",
                                    List.of("CUSTOMER_OBSESSION", "DIVE_DEEP"), "own actions and numbers, per coach feedback"),
                            new Revision(
                                    "I led checkout for a marketplace with 2 million monthly buyers. Two weeks after our redesign lifted conversion by 4%, "
                                            + "support tickets tagged 'cannot pay' from screen-reader users tripled, from 40 to 120 a week.",
                                    "I owned checkout quality for every buyer, including the minority the aggregate number hid.",
                                    "I read 60 of the tickets myself and reproduced the failure with VoiceOver: the new address form trapped focus. "
                                            + "My director wanted to keep the full win and patch later; I disagreed in our weekly review, showing that "
                                            + "these buyers could not pay at all, and proposed rolling back for assistive-technology sessions only. "
                                            + "My first fix, a skip link, did not work in two of the three screen readers we tested, so I pulled "
                                            + "it, and we shipped a rebuilt form after the accessibility specialist's review, a week later than I had promised.",
                                    "Tickets fell back from 120 to 38 a week within ten days, overall conversion kept +3.6%, and a screen-reader "
                                            + "check became a release gate for checkout. I learned to segment every launch metric by assistive technology.",
                                    List.of("CUSTOMER_OBSESSION", "DIVE_DEEP", "BACKBONE"), "added the disagreement and the failed first fix"))),
                    new DemoStory("approval-threshold", "Replaced a five-step approval with a risk threshold", "seller-onboarding", revised(
                            new Revision(
                                    "Seller onboarding needed five manual approvals and took nine days on average.",
                                    "I was asked to make onboarding faster.",
                                    "I designed a new automated workflow engine with rules for every approval step.",
                                    "Onboarding got much faster.",
                                    List.of("INVENT_AND_SIMPLIFY"), null),
                            new Revision(
                                    "Seller onboarding needed five manual approvals and took nine days on average; 30% of sellers gave up before listing.",
                                    "I owned seller activation and had one quarter to cut the drop-off.",
                                    "I started by building a workflow engine, then stopped after two weeks when the data showed 92% of "
                                            + "applications were approved unchanged at every step. Instead I proposed one risk score with a threshold: "
                                            + "low-risk sellers go live at once, and reviewers see only the 8% above it. Legal and trust-and-safety "
                                            + "reviewed the threshold before launch, and we kept a weekly audit of a random 2% of automatic approvals.",
                                    "Median time to first listing went from nine days to four hours, drop-off fell from 30% to 12%, and the audit "
                                            + "has found two wrong approvals in six months, both caught before any buyer harm.",
                                    List.of("INVENT_AND_SIMPLIFY", "BIAS_FOR_ACTION", "DELIVER_RESULTS"),
                                    "replaced the engine with the simpler rule that actually shipped; added the safeguards"),
                            null,
                            "In hindsight I would have looked at the approval data before writing any code; I now start every automation project with a week of it.",
                            "added what I would do differently")),
                    new DemoStory("support-costs", "Halved support costs with a three-person team", "support-tooling", revised(
                            new Revision(
                                    "Our support costs were growing faster than orders.",
                                    "I had to reduce them without new headcount.",
                                    "I tested a macro library and a self-service refund page.",
                                    "Costs went down.",
                                    List.of("FRUGALITY"), null),
                            new Revision(
                                    "Support cost per order grew 20% in a year while orders grew 8%; my budget request for four agents was declined.",
                                    "I had to bring cost per order back down with the three people I had.",
                                    "I analysed 3,000 contacts and found 41% were refund-status questions. My hypothesis was that a status page "
                                            + "would deflect them; an A/B test on 10% of orders showed only 9% deflection, because customers did not find "
                                            + "the page. I moved the status into the order-confirmation email instead, which a second test showed "
                                            + "deflected 35%.",
                                    "Cost per order fell 48% over two quarters with no new hires, and customer satisfaction rose from 4.1 to 4.4.",
                                    List.of("FRUGALITY", "ARE_RIGHT_A_LOT"), "hypothesis, the failed test, and the result in numbers"),
                            "I reported the failed test to my director the same week, with the data, rather than waiting for the second one.",
                            null,
                            "how I handled the failed test"))),
            "alan-turing", List.of(
                    new DemoStory("platform-migration", "Moved 14 teams to one payments platform", "payments-platform", revised(
                            new Revision(
                                    "Fourteen product teams each ran their own payment integration.",
                                    "We needed one platform.",
                                    "We built a shared platform and migrated everyone.",
                                    "All teams moved and we saved money.",
                                    List.of("THINK_BIG"), null),
                            new Revision(
                                    "Fourteen product teams each ran their own payment integration: four providers, three fraud tools, and "
                                            + "an outage somewhere every month.",
                                    "As principal PM I proposed, and then owned, a single payments platform for the organisation.",
                                    "I wrote a two-page vision with the cost of the status quo, $6M a year, and took it to the VP. Three teams "
                                            + "refused to migrate while they had launches pending; rather than mandate it, I offered to migrate them "
                                            + "last, with a platform engineer embedded for two sprints each. Our first pilot failed its load test at "
                                            + "40% of peak, so I delayed the programme by a quarter instead of shipping a fragile platform.",
                                    "All 14 teams migrated in 18 months; payment outages fell from 11 to 2 a year and provider costs by $4.2M a year.",
                                    List.of("THINK_BIG", "EARN_TRUST", "DELIVER_RESULTS"), "scope across teams, the refusal, the delayed pilot"),
                            null,
                            "The three teams that had refused migrated in the final quarter; one of their leads now presents the platform to new teams.",
                            "what became of the teams that refused")),
                    new DemoStory("hiring-bar", "Raised the bar for PM hiring", "pm-hiring", revised(
                            new Revision(
                                    "Our PM hiring loop was inconsistent.",
                                    "I wanted better hires.",
                                    "I created a new interview guide.",
                                    "Hiring improved.",
                                    List.of("HIRE_AND_DEVELOP"), null),
                            new Revision(
                                    "Half of the PMs we hired in one year left or were managed out within 18 months; interviewers disagreed on "
                                            + "what 'good' meant.",
                                    "I volunteered to own the PM interview loop for the organisation, on top of my product work.",
                                    "I compared the loop notes of the hires who stayed with those who left and found that our product-sense "
                                            + "interview predicted nothing: everyone passed it. I rewrote it around one real trade-off from our "
                                            + "roadmap, trained 22 interviewers in pairs, and was the one who argued for a 'no hire' on a candidate "
                                            + "a senior director wanted, which the debrief upheld.",
                                    "Eighteen-month retention of new PMs went from 50% to 85% over the next two cohorts; two of the interviewers "
                                            + "I trained now run the loop.",
                                    List.of("HIRE_AND_DEVELOP", "HIGHEST_STANDARDS", "OWNERSHIP"), "mechanism and measurable outcome"),
                            "I also paired every new interviewer with a trained one for their first three loops, so the bar did not depend on me.",
                            null,
                            "how the bar outlasts me")),
                    new DemoStory("pricing-mistake", "Admitted a pricing mistake to our largest customer", null, revised(
                            new Revision(
                                    "A pricing change I pushed raised the bill of our largest customer by 30% without warning.",
                                    "I had to repair the relationship.",
                                    "I called them, explained my mistake, and proposed a credit and a notice period for future changes.",
                                    "They renewed for three years and the notice period became company policy.",
                                    List.of("EARN_TRUST"), null),
                            new Revision(
                                    "A pricing change I pushed raised the bill of our largest customer, 9% of revenue, by 30% without warning; "
                                            + "their CFO threatened not to renew.",
                                    "The mistake was mine, so I asked to lead the repair rather than hand it to sales.",
                                    "I called the CFO the same day and said plainly that I had not modelled their usage pattern. I showed "
                                            + "them the analysis I should have done, proposed a credit of the overcharge and a 90-day notice for any "
                                            + "future change, and asked what else had worn their trust down; they named two unanswered bugs, "
                                            + "which I got fixed within the month.",
                                    "They renewed for three years at a 12% higher contract value; the 90-day notice became company policy for "
                                            + "every customer.",
                                    List.of("EARN_TRUST", "OWNERSHIP", "CUSTOMER_OBSESSION"), "candour in my own words, what it cost, what followed"),
                            null,
                            "I now model the ten largest customers' bills before any pricing change ships, and finance reviews that model.",
                            "the mechanism that stops it happening again"))),
            "katherine-johnson", List.of(
                    new DemoStory("data-quality", "Found why the dashboard disagreed with finance", "reporting", revised(
                            new Revision(
                                    "Our revenue dashboard disagreed with finance's numbers by a few percent.",
                                    "I was asked to find out why.",
                                    "I checked the queries and found a bug in the currency conversion.",
                                    "The numbers matched after the fix.",
                                    List.of("DIVE_DEEP"), null),
                            new Revision(
                                    "Our revenue dashboard showed 3.2% more revenue than finance's close, and leadership had started to "
                                            + "ignore it.",
                                    "Nobody owned the gap, so I took it on as the PM of the dashboard.",
                                    "I reconciled one week of orders line by line with a finance analyst. My first theory, refunds counted "
                                            + "twice, explained only 0.4%. The rest came from converting currencies at the order date while finance "
                                            + "used the settlement date; I agreed the settlement rule with finance and documented it in the dashboard.",
                                    "The gap fell to 0.1%, and within a month the leadership review used the dashboard again instead of a "
                                            + "spreadsheet.",
                                    List.of("DIVE_DEEP", "OWNERSHIP", "LEARN_AND_BE_CURIOUS"), "the false start and the exact figures"),
                            null,
                            "I added a daily check that flags any gap above 0.5% to the finance analyst and me; it has fired twice since, both times for a late settlement file.",
                            "the check that keeps the numbers honest")),
                    new DemoStory("launch-delay", "Delayed a launch to fix a privacy gap", "mobile-app", revised(
                            new Revision(
                                    "Two days before launching a location feature, I found it stored precise locations longer than our "
                                            + "privacy policy allowed.",
                                    "I had to decide whether to launch.",
                                    "I delayed the launch by two weeks, asked the privacy team to review a fix, and told the marketing team "
                                            + "myself why their campaign had to move.",
                                    "We launched with a 24-hour retention limit; the privacy review passed and no customer data was kept "
                                            + "beyond policy.",
                                    List.of("HIGHEST_STANDARDS", "BROAD_RESPONSIBILITY"), null),
                            new Revision(
                                    "Two days before launching a location feature to 400,000 users, I found it stored precise locations for "
                                            + "30 days; our privacy policy allowed 24 hours.",
                                    "The launch date was public and marketing had paid for a campaign; the decision to ship or not was mine.",
                                    "I did not skip the privacy review to keep the date. I delayed two weeks, asked the privacy team to review "
                                            + "a fix that truncated locations after 24 hours, and told the marketing lead myself, with the cost of the "
                                            + "moved campaign, $18,000, in the same message as the reason.",
                                    "We launched two weeks late with the review passed; 31% of users turned the feature on in the first month "
                                            + "against a 25% goal, and the retention check now runs in every release pipeline.",
                                    List.of("HIGHEST_STANDARDS", "BROAD_RESPONSIBILITY", "CUSTOMER_OBSESSION"),
                                    "what it cost, and the result against the goal"),
                            "Before deciding, I asked the privacy lead for the worst case, which was a regulator fine of up to 4% of revenue.",
                            null,
                            "the worst case I weighed")),
                    new DemoStory("team-oncall", "Made on-call bearable for a burnt-out team", null, revised(
                            new Revision(
                                    "My team's engineers were paged at night several times a week and two had asked to move teams.",
                                    "I wanted to fix on-call before we lost more people.",
                                    "I worked with the engineering manager to cut noisy alerts and to add a secondary on-call.",
                                    "Night pages fell by 70% over two months and nobody else left the team that year.",
                                    List.of("EARTHS_BEST_EMPLOYER"), null),
                            new Revision(
                                    "My team's engineers were paged at night 9 times a week on average and two had asked to move teams.",
                                    "I was the PM, not their manager, but I owned the roadmap that kept pushing reliability work out.",
                                    "I put a reliability week in every sprint of the next quarter, which meant telling my stakeholders that two "
                                            + "features would slip. With the engineering manager I reviewed every alert from the previous month; "
                                            + "64% had never led to action, so we deleted or downgraded them, and we added a paid secondary on-call.",
                                    "Night pages fell from 9 to 2.5 a week within two months, both engineers stayed, and the slipped features "
                                            + "shipped one sprint late.",
                                    List.of("EARTHS_BEST_EMPLOYER", "OWNERSHIP"), "my own trade-off as PM, and numbers"),
                            null,
                            "Six months later the team still has a reliability week every sprint, and pages have stayed under three a week.",
                            "whether it lasted"))));
}
