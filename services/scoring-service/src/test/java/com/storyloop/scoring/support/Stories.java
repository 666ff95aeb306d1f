package com.storyloop.scoring.support;

/** Story texts with known findings. */
public final class Stories {

    private Stories() {
    }

    /** STAR sections with leading blanks (the engine strips them; evidence offsets must not) and a safeguard bypass. */
    public static final String SITUATION = "  Checkout conversion dropped 5% across four teams' markets after a new fraud rule, and support tickets tripled.";
    public static final String TASK = "\n I owned the checkout funnel for 2 million customers.";
    public static final String ACTION = "\n\t I skipped the security review to ship the fix in two days. We rolled it out to all users at once and it "
            + "worked first time.";
    public static final String RESULT = "   Conversion recovered by 4% within a week.";

    /** A free-text story that tells friction, a mechanism and a measured result. */
    public static final String TEXT = """
            ## Situation
            Support cost per order grew 20% in a year while orders grew 8%, and finance asked for cuts without new headcount.

            ## Task
            I owned support tooling and had to bring cost per order down within two quarters.

            ## Action
            My hypothesis was that most contacts asked where a refund was. I pulled 2,000 tickets myself and found 41% were refund-status
            questions. I first tested a status page, which deflected only 9%, so I dropped it. The operations lead disagreed with my next
            idea of emailing refund status automatically because of the engineering cost; I showed her the ticket sample and we agreed on a
            two-week test with one region. I decided to ship it behind a flag.

            ## Result
            Refund-status contacts fell 35% in the test region, and cost per order fell 48% over two quarters once we rolled it out.
            """;
}
