package com.storyloop.practice.loops.adapter.out.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Repository;

import com.storyloop.eventing.store.AvroEventStore;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.practice.AnswerRating;
import com.storyloop.events.practice.TranscriptAnalysis;
import com.storyloop.practice.loops.application.EventContext;
import com.storyloop.practice.loops.application.LoopRepository;
import com.storyloop.practice.loops.domain.Loop;
import com.storyloop.practice.loops.domain.LoopDecider;
import com.storyloop.practice.loops.domain.LoopEvent;
import com.storyloop.practice.loops.domain.LoopEvent.LoopSummary;
import com.storyloop.practice.loops.domain.LoopMode;
import com.storyloop.practice.loops.domain.LoopPlan;
import com.storyloop.practice.loops.domain.Rating;
import com.storyloop.rubric.scorecard.Principle;

/** Loops as event streams in the service's event store; Avro stays in this adapter. */
@Repository
class EventSourcedLoopRepository implements LoopRepository {

    /** Written as the rubric version when the engine could not read the transcript as a story: measurements only, no flags. */
    static final String NO_RUBRIC = "none";

    private final AvroEventStore store;

    EventSourcedLoopRepository(AvroEventStore store) {
        this.store = store;
    }

    @Override
    public Optional<Loaded> load(String loopId) {
        List<SpecificRecord> records = store.load(loopId);
        if (records.isEmpty() || !(records.get(0) instanceof com.storyloop.events.practice.LoopPlanned)) {
            return Optional.empty();
        }
        List<LoopEvent> events = new ArrayList<>();
        for (SpecificRecord record : records) {
            events.add(toDomain(record));
        }
        return Optional.of(new Loaded(LoopDecider.fold(events), records.size()));
    }

    @Override
    public long append(Loop before, long expectedVersion, List<LoopEvent> events, EventContext context) {
        List<SpecificRecord> records = new ArrayList<>();
        Loop state = before;
        long version = expectedVersion;
        for (LoopEvent event : events) {
            state = LoopDecider.evolve(state, event);
            records.add(toAvro(event, metadata(state, ++version, context, event.occurredAt())));
        }
        return store.append(events.get(0).loopId(), expectedVersion, records);
    }

    private static EventMetadata metadata(Loop state, long version, EventContext context, Instant occurredAt) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(state.orgId()).setClientId(state.clientId())
                .setStreamId(state.loopId()).setStreamVersion(version).setOccurredAt(occurredAt).setCorrelationId(context.correlationId())
                .setCausationId(null).setActor(context.actor()).build();
    }

    private static PrincipleCode code(Principle principle) {
        return PrincipleCode.valueOf(principle.name());
    }

    private static com.storyloop.events.FlagCode flag(String code) {
        for (com.storyloop.events.FlagCode f : com.storyloop.events.FlagCode.values()) {
            if (f.name().equals(code)) {
                return f;
            }
        }
        return com.storyloop.events.FlagCode.UNKNOWN;
    }

    private static Principle principle(PrincipleCode code) {
        return Principle.valueOf(code.name());
    }

    private static SpecificRecord toAvro(LoopEvent event, EventMetadata m) {
        if (event instanceof LoopEvent.LoopPlanned planned) {
            List<com.storyloop.events.practice.PlannedInterview> interviews = new ArrayList<>();
            for (LoopPlan.PlannedInterview i : planned.plan().interviews()) {
                List<com.storyloop.events.practice.PlannedSlot> slots = new ArrayList<>();
                for (LoopPlan.PlannedSlot s : i.slots()) {
                    slots.add(new com.storyloop.events.practice.PlannedSlot(s.slotIndex(), code(s.principle()), s.proposedStoryId(), s.unfilledReason(),
                            s.suggestedQuestionId()));
                }
                interviews.add(new com.storyloop.events.practice.PlannedInterview(i.interviewIndex(), i.interviewerRole(), i.interviewerId(),
                        i.barRaiser(), slots));
            }
            return new com.storyloop.events.practice.LoopPlanned(m, planned.loopId(), planned.bankId(),
                    com.storyloop.events.practice.LoopMode.valueOf(planned.mode().name()), interviews, new ArrayList<>(planned.plan().warnings()));
        }
        if (event instanceof LoopEvent.QuestionAsked asked) {
            return new com.storyloop.events.practice.QuestionAsked(m, asked.loopId(), asked.interviewIndex(), asked.slotIndex(), asked.questionId(),
                    code(asked.principle()), asked.text());
        }
        if (event instanceof LoopEvent.AnswerGiven given) {
            TranscriptAnalysis analysis = given.measures() == null ? null
                    : new TranscriptAnalysis(given.measures().wordsPerMinute(), given.measures().fillerWords(),
                            given.measures().rubricVersion() == null ? NO_RUBRIC : given.measures().rubricVersion(),
                            new ArrayList<>(given.measures().flags().stream().map(EventSourcedLoopRepository::flag).toList()));
            return new com.storyloop.events.practice.AnswerGiven(m, given.loopId(), given.questionId(), given.interviewIndex(), given.slotIndex(),
                    code(given.principle()), given.storyId(), given.storyRevision(), given.durationSeconds(), given.transcript(), analysis);
        }
        if (event instanceof LoopEvent.ProbeAsked probe) {
            return new com.storyloop.events.practice.ProbeAsked(m, probe.loopId(), probe.questionId(), probe.interviewIndex(), probe.slotIndex(),
                    probe.probeIndex(), probe.text(), probe.response(), probe.handledWell());
        }
        if (event instanceof LoopEvent.AnswerRated rated) {
            return new com.storyloop.events.practice.AnswerRated(m, rated.loopId(), rated.questionId(), rated.interviewIndex(), rated.slotIndex(),
                    rated.interviewerId(), AnswerRating.valueOf(rated.rating().name()), rated.notes());
        }
        if (event instanceof LoopEvent.LoopCompleted completed) {
            LoopSummary s = completed.summary();
            List<com.storyloop.events.practice.PrincipleOutcome> outcomes = new ArrayList<>();
            for (LoopEvent.PrincipleOutcome o : s.principles()) {
                outcomes.add(new com.storyloop.events.practice.PrincipleOutcome(code(o.principle()), o.storyId(), o.storyRevision(),
                        o.rating() == null ? null : AnswerRating.valueOf(o.rating().name()), o.durationSeconds(), o.probesAsked(),
                        o.probesHandledPoorly(), new ArrayList<>(o.flags().stream().map(EventSourcedLoopRepository::flag).toList())));
            }
            List<com.storyloop.events.practice.StoryUse> uses = new ArrayList<>();
            for (LoopEvent.StoryUse u : s.storyUse()) {
                uses.add(new com.storyloop.events.practice.StoryUse(u.storyId(), u.answers(),
                        new ArrayList<>(u.principles().stream().map(EventSourcedLoopRepository::code).toList())));
            }
            return new com.storyloop.events.practice.LoopCompleted(m, completed.loopId(), s.abandoned(), s.questionsAsked(), s.answersGiven(),
                    s.answersInTargetTime(), outcomes, uses, new ArrayList<>(s.warnings()));
        }
        throw new IllegalArgumentException("Unmapped event " + event);
    }

    private static LoopEvent toDomain(SpecificRecord record) {
        if (record instanceof com.storyloop.events.practice.LoopPlanned planned) {
            EventMetadata m = planned.getMetadata();
            List<LoopPlan.PlannedInterview> interviews = new ArrayList<>();
            for (com.storyloop.events.practice.PlannedInterview i : planned.getInterviews()) {
                List<LoopPlan.PlannedSlot> slots = new ArrayList<>();
                for (com.storyloop.events.practice.PlannedSlot s : i.getSlots()) {
                    slots.add(new LoopPlan.PlannedSlot(s.getSlotIndex(), principle(s.getPrinciple()), s.getProposedStoryId(), s.getUnfilledReason(),
                            s.getSuggestedQuestionId()));
                }
                interviews.add(new LoopPlan.PlannedInterview(i.getInterviewIndex(), i.getInterviewerRole(), i.getInterviewerId(), i.getBarRaiser(), slots));
            }
            return new LoopEvent.LoopPlanned(planned.getLoopId(), m.getOrgId(), m.getClientId(), planned.getBankId(),
                    LoopMode.valueOf(planned.getMode().name()), new LoopPlan(interviews, planned.getWarnings()), m.getOccurredAt());
        }
        if (record instanceof com.storyloop.events.practice.QuestionAsked asked) {
            return new LoopEvent.QuestionAsked(asked.getLoopId(), asked.getInterviewIndex(), asked.getSlotIndex(), asked.getQuestionId(),
                    principle(asked.getPrinciple()), asked.getText(), asked.getMetadata().getOccurredAt());
        }
        if (record instanceof com.storyloop.events.practice.AnswerGiven given) {
            TranscriptAnalysis a = given.getTranscriptAnalysis();
            return new LoopEvent.AnswerGiven(given.getLoopId(), given.getQuestionId(), given.getInterviewIndex(), given.getSlotIndex(),
                    principle(given.getPrinciple()), given.getStoryId(), given.getStoryRevision(), given.getDurationSeconds(), given.getTranscript(),
                    a == null ? null : new LoopEvent.TranscriptMeasures(a.getWordsPerMinute(), a.getFillerWords(),
                            NO_RUBRIC.equals(a.getRubricVersion()) ? null : a.getRubricVersion(), a.getFlags().stream().map(Enum::name).toList()),
                    given.getMetadata().getOccurredAt());
        }
        if (record instanceof com.storyloop.events.practice.ProbeAsked probe) {
            return new LoopEvent.ProbeAsked(probe.getLoopId(), probe.getQuestionId(), probe.getInterviewIndex(), probe.getSlotIndex(),
                    probe.getProbeIndex(), probe.getText(), probe.getResponse(), probe.getHandledWell(), probe.getMetadata().getOccurredAt());
        }
        if (record instanceof com.storyloop.events.practice.AnswerRated rated) {
            return new LoopEvent.AnswerRated(rated.getLoopId(), rated.getQuestionId(), rated.getInterviewIndex(), rated.getSlotIndex(),
                    rated.getInterviewerId(), Rating.valueOf(rated.getRating().name()), rated.getNotes(), rated.getMetadata().getOccurredAt());
        }
        if (record instanceof com.storyloop.events.practice.LoopCompleted completed) {
            List<LoopEvent.PrincipleOutcome> outcomes = new ArrayList<>();
            for (com.storyloop.events.practice.PrincipleOutcome o : completed.getPrinciples()) {
                outcomes.add(new LoopEvent.PrincipleOutcome(principle(o.getPrinciple()), o.getStoryId(), o.getStoryRevision(),
                        o.getRating() == null ? null : Rating.valueOf(o.getRating().name()), o.getDurationSeconds(), o.getProbesAsked(),
                        o.getProbesHandledPoorly(), o.getFlags().stream().map(Enum::name).toList()));
            }
            // the event keeps each story's answers and principles; the rest of a story's use is folded from the outcomes, as when it was decided
            List<LoopEvent.StoryUse> uses = LoopEvent.StoryUse.of(outcomes);
            return new LoopEvent.LoopCompleted(completed.getLoopId(), new LoopSummary(completed.getAbandoned(), completed.getQuestionsAsked(),
                    completed.getAnswersGiven(), completed.getAnswersInTargetTime(), outcomes, uses, completed.getWarnings()),
                    completed.getMetadata().getOccurredAt());
        }
        throw new IllegalStateException("Unknown loop event " + record.getSchema().getName());
    }
}
