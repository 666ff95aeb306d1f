package com.storyloop.scoring.scorecards.adapter.out.avro;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.storyloop.events.EvidenceSpan;
import com.storyloop.events.FlagCode;
import com.storyloop.events.scoring.Flag;
import com.storyloop.events.scoring.LevelSignal;
import com.storyloop.events.scoring.PrincipleFit;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.scorecard.Evidence;
import com.storyloop.rubric.scorecard.Level;
import com.storyloop.rubric.scorecard.Scorecard;
import com.storyloop.scoring.scorecards.application.ScoreRevisions;
import com.storyloop.scoring.scorecards.domain.Cause;
import com.storyloop.scoring.scorecards.domain.RevisionCopy;
import com.storyloop.scoring.scorecards.domain.StoryBody;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorecard as a RevisionScored event: evidence offsets move from the engine's canonical text to the STAR section as
 * the story event carried it (or stay on the free text), so a reader of the event can highlight the span without the
 * engine.
 */
class RevisionScoredMapperTest {

    static final UUID SOURCE = UUID.fromString("11111111-1111-1111-1111-111111111111");
    static final UUID EVENT = UUID.fromString("22222222-2222-2222-2222-222222222222");
    static final Instant AT = Instant.parse("2026-11-25T09:00:00Z");

    /** Leading blanks and newlines in the sections: the engine strips them, the event's offsets must not. */
    static final RevisionCopy STAR = RevisionCopy.of("story-1", 3, "bank-1", "org-1", "client-1", "Fraud rule",
            "  Checkout conversion dropped 5% across four teams' markets after a new fraud rule, and support tickets tripled.",
            "\n I owned the checkout funnel for 2 million customers.",
            "\n\t I skipped the security review to ship the fix in two days. We rolled it out to all users at once and it worked first time.",
            "   Conversion recovered by 4% within a week.", null, List.of("BIAS_FOR_ACTION", "FRUGALITY"), SOURCE, "corr-1");

    static Scorecard score(RevisionCopy copy) {
        return RubricEngine.standard().score(ScoreRevisions.input(copy, Level.L7));
    }

    static String section(RevisionCopy copy, String section) {
        StoryBody.Star star = (StoryBody.Star) copy.body();
        switch (section) {
            case "SITUATION":
                return star.situation();
            case "TASK":
                return star.task();
            case "ACTION":
                return star.action();
            default:
                return star.result();
        }
    }

    static List<EvidenceSpan> allSpans(RevisionScored event) {
        List<EvidenceSpan> spans = new ArrayList<>();
        event.getFlags().forEach(f -> spans.addAll(f.getEvidence()));
        event.getPrinciples().forEach(p -> spans.addAll(p.getEvidence()));
        return spans;
    }

    @Test
    void starEvidencePointsIntoTheSectionAsTheStoryEventCarriedIt() {
        Scorecard card = score(STAR);
        RevisionScored event = RevisionScoredMapper.toEvent(STAR, card, new Cause(SOURCE, "corr-1"), EVENT, AT);

        Flag bypass = event.getFlags().stream().filter(f -> f.getCode() == FlagCode.SAFEGUARD_BYPASS).findFirst().orElseThrow();
        EvidenceSpan span = bypass.getEvidence().get(0);
        assertThat(span.getSection()).isEqualTo("ACTION");
        String action = section(STAR, "ACTION");
        assertThat(action.substring(span.getStart(), span.getEnd())).containsIgnoringCase("skipped the security review");
        assertThat(span.getText()).isEqualTo("I skipped the security review to ship the fix in two days.");

        List<EvidenceSpan> spans = allSpans(event);
        assertThat(spans).isNotEmpty().allSatisfy(s -> {
            assertThat(s.getSection()).isIn("SITUATION", "TASK", "ACTION", "RESULT");
            String text = section(STAR, s.getSection());
            assertThat(s.getStart()).isBetween(0, text.length());
            assertThat(s.getEnd()).isBetween(s.getStart() + 1, text.length());
            assertThat(s.getText()).contains(text.substring(s.getStart(), s.getEnd()).strip());
        });
        for (LevelSignal signal : event.getLevelSignals()) {
            assertThat(section(STAR, signal.getSection()).substring(signal.getStart(), signal.getEnd())).isEqualTo(signal.getText());
        }
        assertThat(event.getLevelSignals()).isNotEmpty();
    }

    @Test
    void everyEngineSpanThatStaysInsideItsSectionSurvivesWithTheSameCharacters() {
        Scorecard card = score(STAR);
        List<String> engineSpans = new ArrayList<>();
        card.flags().forEach(f -> f.evidence().stream().filter(e -> e.end() > e.start()).map(Evidence::text).forEach(engineSpans::add));
        card.principles().fits().forEach(p -> p.evidence().stream().filter(e -> e.end() > e.start()).map(Evidence::text).forEach(engineSpans::add));

        List<String> eventSpans = allSpans(RevisionScoredMapper.toEvent(STAR, card, new Cause(SOURCE, "corr-1"), EVENT, AT)).stream()
                .map(s -> section(STAR, s.getSection()).substring(s.getStart(), s.getEnd())).toList();

        assertThat(eventSpans).containsAll(engineSpans.stream().filter(t -> !t.contains("\n")).toList());
    }

    @Test
    void freeTextEvidenceKeepsTheEngineOffsetsAndNamesNoSection() {
        String text = "Our checkout conversion dropped 5% after a new fraud rule. I skipped the security review to ship the fix in two days. "
                + "Conversion recovered within a week.";
        RevisionCopy copy = RevisionCopy.of("story-2", 1, "bank-1", "org-1", "client-1", "Fraud", null, null, null, null, text, List.of(), SOURCE,
                "corr-2");
        RevisionScored event = RevisionScoredMapper.toEvent(copy, score(copy), new Cause(SOURCE, "corr-2"), EVENT, AT);

        assertThat(allSpans(event)).isNotEmpty().allSatisfy(s -> {
            assertThat(s.getSection()).isNull();
            assertThat(s.getText()).contains(text.substring(s.getStart(), s.getEnd()));
        });
        assertThat(event.getFlags()).extracting(Flag::getCode).contains(FlagCode.SAFEGUARD_BYPASS);
    }

    @Test
    void theEventCarriesTheWholeScorecardAndItsCausality() {
        Scorecard card = score(STAR);
        RevisionScored event = RevisionScoredMapper.toEvent(STAR, card, new Cause(SOURCE, "corr-1"), EVENT, AT);

        assertThat(event.getMetadata().getEventId()).isEqualTo(EVENT);
        assertThat(event.getMetadata().getStreamId()).isEqualTo("scorecard/story-1/3/" + card.rubricVersion());
        assertThat(event.getMetadata().getStreamVersion()).isEqualTo(1);
        assertThat(event.getMetadata().getClientId()).isEqualTo("client-1");
        assertThat(event.getMetadata().getOrgId()).isEqualTo("org-1");
        assertThat(event.getMetadata().getCausationId()).isEqualTo(SOURCE.toString());
        assertThat(event.getMetadata().getCorrelationId()).isEqualTo("corr-1");
        assertThat(event.getMetadata().getActor()).isEqualTo("system:scoring-service");
        assertThat(event.getRevision()).isEqualTo(3);
        assertThat(event.getRubricVersion()).isEqualTo(card.rubricVersion());
        assertThat(event.getVerdict().name()).isEqualTo(card.verdict().verdict().name());
        assertThat(event.getOverall()).isEqualTo(card.overall());
        assertThat(event.getDecidingRule()).isEqualTo(card.verdict().explanation());
        assertThat(event.getDimensions()).hasSize(9).allSatisfy(d -> assertThat(d.getReason()).isNotBlank());
        assertThat(event.getPrinciples()).hasSize(16);
        assertThat(event.getPrinciples()).filteredOn(PrincipleFit::getClaimed).extracting(p -> p.getCode().name())
                .containsExactly("BIAS_FOR_ACTION", "FRUGALITY");
        assertThat(event.getFlags()).extracting(f -> f.getCode().name())
                .containsExactlyElementsOf(card.flags().stream().map(f -> f.code().name()).toList());
        assertThat(event.getFlags()).allSatisfy(f -> assertThat(f.getSeverity().name()).isIn("SEVERE", "MAJOR", "MINOR"));
        assertThat(event.getMeasurements().getWordCount()).isEqualTo(card.measurements().spokenWords());
        assertThat(event.getMeasurements().getWordsPerMinute()).isEqualTo(140);
        assertThat(event.getWarnings()).isNotEmpty(); // FRUGALITY is claimed without evidence
    }
}
