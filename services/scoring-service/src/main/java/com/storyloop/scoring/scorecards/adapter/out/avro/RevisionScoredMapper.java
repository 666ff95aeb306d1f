package com.storyloop.scoring.scorecards.adapter.out.avro;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.storyloop.events.Dimension;
import com.storyloop.events.DimensionScore;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.EvidenceSpan;
import com.storyloop.events.FlagCode;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.Severity;
import com.storyloop.events.Verdict;
import com.storyloop.events.scoring.Flag;
import com.storyloop.events.scoring.LevelSignal;
import com.storyloop.events.scoring.LevelSignalKind;
import com.storyloop.events.scoring.Measurements;
import com.storyloop.events.scoring.PrincipleFit;
import com.storyloop.events.scoring.RevisionScored;
import com.storyloop.rubric.scorecard.Evidence;
import com.storyloop.rubric.scorecard.PrincipleNote;
import com.storyloop.rubric.scorecard.Scorecard;
import com.storyloop.rubric.scorecard.Section;
import com.storyloop.rubric.scorecard.SectionKind;
import com.storyloop.rubric.scorecard.SegmentationMode;
import com.storyloop.scoring.common.EventContext;
import com.storyloop.scoring.scorecards.domain.Cause;
import com.storyloop.scoring.scorecards.domain.RevisionCopy;
import com.storyloop.scoring.scorecards.domain.ScorecardStreams;
import com.storyloop.scoring.scorecards.domain.StoryBody;

/**
 * The engine's scorecard as a RevisionScored event: every field of the scorecard that the schema has.
 *
 * <p>Offsets: the engine measures every span in one canonical text (for STAR fields, the rendering
 * {@code ## Situation\n<situation stripped>\n\n## Task\n...}). The event's EvidenceSpan and LevelSignal offsets are
 * relative to the STAR section's own text as the story event carried it when {@code section} is set, and to the free text
 * otherwise (docs/events.md). So for a STAR revision: offset in the section = canonical offset - the section's start in
 * the canonical text + the whitespace the engine stripped from the front of that field; a span that runs past its
 * section's end is cut there. For free text the offsets are the engine's, unchanged, and {@code section} is null.
 */
public final class RevisionScoredMapper {

    private RevisionScoredMapper() {
    }

    public static RevisionScored toEvent(RevisionCopy copy, Scorecard card, Cause cause, UUID eventId, Instant occurredAt) {
        Offsets offsets = new Offsets(copy.body(), card);
        EventMetadata metadata = EventMetadata.newBuilder().setEventId(eventId).setOrgId(copy.orgId()).setClientId(copy.clientId())
                .setStreamId(ScorecardStreams.scorecard(copy.storyId(), copy.revision(), card.rubricVersion())).setStreamVersion(1)
                .setOccurredAt(occurredAt).setCorrelationId(cause.correlationId()).setCausationId(cause.causationId().toString())
                .setActor(EventContext.SYSTEM_ACTOR).build();

        List<DimensionScore> dimensions = new ArrayList<>();
        for (com.storyloop.rubric.scorecard.DimensionScore d : card.dimensions()) {
            dimensions.add(new DimensionScore(Dimension.valueOf(d.dimension().name()), d.score(), d.reason()));
        }
        List<Flag> flags = new ArrayList<>();
        for (com.storyloop.rubric.scorecard.Flag f : card.flags()) {
            String explanation = f.lookedFor() == null ? f.explanation() : f.explanation() + " Looked for: " + f.lookedFor() + ".";
            flags.add(new Flag(FlagCode.valueOf(f.code().name()), Severity.valueOf(f.severity().name()), explanation,
                    offsets.spans(f.evidence())));
        }
        List<PrincipleFit> principles = new ArrayList<>();
        for (com.storyloop.rubric.scorecard.PrincipleFit p : card.principles().fits()) {
            principles.add(new PrincipleFit(PrincipleCode.valueOf(p.principle().name()), p.fit(), p.claimed(), offsets.spans(p.evidence())));
        }
        com.storyloop.rubric.scorecard.Measurements m = card.measurements();
        Measurements measurements = Measurements.newBuilder().setWordCount(m.spokenWords())
                .setSituationWords(m.wordsBySection().get(SectionKind.SITUATION)).setTaskWords(m.wordsBySection().get(SectionKind.TASK))
                .setActionWords(m.wordsBySection().get(SectionKind.ACTION)).setResultWords(m.wordsBySection().get(SectionKind.RESULT))
                .setActionResultShare(m.actionResultShare()).setSpeakingSeconds(m.speakingSeconds()).setWordsPerMinute(m.wordsPerMinute())
                .setFirstPersonSingularActions(m.firstPersonSingularActions()).setFirstPersonPluralActions(m.firstPersonPluralActions())
                .build();
        List<LevelSignal> signals = new ArrayList<>();
        for (com.storyloop.rubric.scorecard.LevelSignal s : card.level().signals()) {
            EvidenceSpan span = offsets.span(s.evidence());
            if (span != null) {
                signals.add(new LevelSignal(LevelSignalKind.valueOf(s.kind().name()), s.evidence().text(), span.getStart(), span.getEnd(),
                        span.getSection()));
            }
        }
        List<String> warnings = new ArrayList<>();
        for (PrincipleNote note : card.principles().warnings()) {
            warnings.add(note.message());
        }
        for (PrincipleNote note : card.principles().suggestions()) {
            warnings.add(note.message());
        }
        warnings.addAll(card.level().observations());

        return RevisionScored.newBuilder().setMetadata(metadata).setStoryId(copy.storyId()).setBankId(copy.bankId())
                .setRevision(copy.revision()).setRubricVersion(card.rubricVersion()).setVerdict(Verdict.valueOf(card.verdict().verdict().name()))
                .setOverall(card.overall()).setDecidingRule(card.verdict().explanation()).setDimensions(dimensions).setFlags(flags)
                .setPrinciples(principles).setMeasurements(measurements).setLevelSignals(signals).setWarnings(warnings).build();
    }

    /** Converts the engine's canonical offsets into the event's section-relative (STAR) or free-text offsets. */
    static final class Offsets {

        private final Scorecard card;
        private final StoryBody body;

        Offsets(StoryBody body, Scorecard card) {
            this.body = body;
            this.card = card;
        }

        List<EvidenceSpan> spans(List<Evidence> evidence) {
            List<EvidenceSpan> spans = new ArrayList<>();
            for (Evidence e : evidence) {
                EvidenceSpan span = span(e);
                if (span != null) {
                    spans.add(span);
                }
            }
            return spans;
        }

        /** Null for an empty span (an absence flag's empty section): nothing to point at. */
        EvidenceSpan span(Evidence e) {
            if (e.end() <= e.start()) {
                return null;
            }
            String sentence = e.sentence() >= 0 ? card.segmentation().sentences().get(e.sentence()).text() : e.text();
            if (card.segmentation().mode() != SegmentationMode.STAR_FIELDS || !(body instanceof StoryBody.Star)) {
                return new EvidenceSpan(e.start(), e.end(), sentence, null);
            }
            Section section = sectionOf(e);
            if (section == null) {
                return null;
            }
            String field = field((StoryBody.Star) body, section.kind());
            int lead = field.length() - field.stripLeading().length();
            int length = section.end() - section.start();
            int start = clamp(e.start() - section.start(), length) + lead;
            int end = clamp(e.end() - section.start(), length) + lead;
            return end > start ? new EvidenceSpan(start, end, sentence, section.kind().name()) : null;
        }

        private Section sectionOf(Evidence e) {
            Section containing = null;
            for (Section s : card.segmentation().sections()) {
                if (s.kind() == e.section() && s.kind().isStar()) {
                    return s;
                }
                if (s.kind().isStar() && e.start() >= s.start() && e.start() < s.end()) {
                    containing = s;
                }
            }
            return containing;
        }

        private static int clamp(int offset, int length) {
            return Math.max(0, Math.min(offset, length));
        }

        private static String field(StoryBody.Star star, SectionKind kind) {
            String value;
            if (kind == SectionKind.SITUATION) {
                value = star.situation();
            } else if (kind == SectionKind.TASK) {
                value = star.task();
            } else if (kind == SectionKind.ACTION) {
                value = star.action();
            } else {
                value = star.result();
            }
            return value == null ? "" : value;
        }
    }
}
