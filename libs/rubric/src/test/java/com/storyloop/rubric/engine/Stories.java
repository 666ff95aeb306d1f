package com.storyloop.rubric.engine;

/** Short stories for focused tests, written for these tests. */
final class Stories {
    private Stories() {
    }

    /** A passing story used as a base; about 250 words. */
    static final String PASSING = """
            ## Situation
            I was the PM for the booking app of a chain of forty physiotherapy clinics. Patients who missed an appointment paid a fee, and complaints about the fee had tripled after we moved reminders from text messages to email.

            ## Task
            I owned the booking experience and had to bring missed appointments down before the winter peak without hiding the fee.

            ## Action
            My hypothesis was that patients simply did not read the emails. I pulled three months of booking data and found that 70% of missed appointments came from patients over sixty, who opened fewer than a fifth of our emails. The operations director disagreed and wanted to raise the fee instead. I argued that a higher fee would punish patients for our own change, and I proposed a test: half of the clinics went back to text reminders, half kept email, for four weeks. The first week showed nothing, because a bug sent the texts at midnight; we fixed the timing and restarted the test. I decided to share the interim numbers with the director every week so the disagreement stayed about data.

            ## Result
            Missed appointments fell from 11% to 6% in the text-reminder clinics, and fee complaints dropped by 64%. We rolled text reminders out to all forty clinics within a month, and the director dropped the plan to raise the fee.
            """;

    static String withAction(String extraSentence) {
        return PASSING.replace("I decided to share the interim numbers", extraSentence + " I decided to share the interim numbers");
    }
}
