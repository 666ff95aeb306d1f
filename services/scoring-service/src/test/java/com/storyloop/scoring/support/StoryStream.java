package com.storyloop.scoring.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.storyloop.events.EventMetadata;
import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.story.CoachAssigned;
import com.storyloop.events.story.PrinciplesClaimed;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.events.story.StoryRevised;

/** Story events of one client's bank and one story, as story-service writes them (fresh ids per instance). */
public final class StoryStream {

    public final String orgId;
    public final String clientId;
    public final String bankId;
    public final String storyId;
    /** The coach the bank opens with. */
    public final String coachId;
    public final String correlationId = "corr-" + UUID.randomUUID();
    private long storyVersion;

    public StoryStream(String orgId) {
        this(orgId, "coach-1");
    }

    public StoryStream(String orgId, String coachId) {
        String suffix = UUID.randomUUID().toString();
        this.orgId = orgId;
        this.coachId = coachId;
        this.clientId = "client-" + suffix;
        this.bankId = "bank-" + suffix;
        this.storyId = "story-" + suffix;
    }

    /** Another story in the same bank. */
    public StoryStream anotherStory() {
        return new StoryStream(this, "story-" + UUID.randomUUID());
    }

    private StoryStream(StoryStream bank, String storyId) {
        this.orgId = bank.orgId;
        this.clientId = bank.clientId;
        this.bankId = bank.bankId;
        this.storyId = storyId;
        this.coachId = bank.coachId;
    }

    public EventMetadata metadata(String streamId, long version) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrgId(orgId).setClientId(clientId).setStreamId(streamId)
                .setStreamVersion(version).setOccurredAt(Instant.now()).setCorrelationId(correlationId).setCausationId(null)
                .setActor("coach-1").build();
    }

    public StoryBankOpened opened(Level level) {
        return StoryBankOpened.newBuilder().setMetadata(metadata(bankId, 1)).setBankId(bankId).setCoachId(coachId).setTargetRole("Senior PM")
                .setTargetLevel(level).setInterviewDate(null).build();
    }

    /** The bank's client gets another coach (bank version 2). */
    public CoachAssigned coachAssigned(String newCoachId) {
        return CoachAssigned.newBuilder().setMetadata(metadata(bankId, 2)).setBankId(bankId).setCoachId(newCoachId).setPreviousCoachId(coachId)
                .build();
    }

    public StoryDrafted draftedStar(String situation, String task, String action, String result, PrincipleCode... principles) {
        return StoryDrafted.newBuilder().setMetadata(metadata(storyId, ++storyVersion)).setBankId(bankId).setStoryId(storyId).setRevision(1)
                .setTitle("A story").setSituation(situation).setTask(task).setAction(action).setResult(result).setText(null)
                .setPrinciples(List.of(principles)).setProjectTag(null).build();
    }

    public StoryDrafted draftedText(String text, PrincipleCode... principles) {
        return StoryDrafted.newBuilder().setMetadata(metadata(storyId, ++storyVersion)).setBankId(bankId).setStoryId(storyId).setRevision(1)
                .setTitle("A story").setSituation(null).setTask(null).setAction(null).setResult(null).setText(text)
                .setPrinciples(List.of(principles)).setProjectTag(null).build();
    }

    public StoryRevised revisedText(int revision, String text, PrincipleCode... principles) {
        return StoryRevised.newBuilder().setMetadata(metadata(storyId, ++storyVersion)).setBankId(bankId).setStoryId(storyId).setRevision(revision)
                .setTitle("A story, revised").setSituation(null).setTask(null).setAction(null).setResult(null).setText(text)
                .setPrinciples(List.of(principles)).setProjectTag(null).setNote("more numbers").build();
    }

    public StoryRevised revisedStar(int revision, String situation, String task, String action, String result, PrincipleCode... principles) {
        return StoryRevised.newBuilder().setMetadata(metadata(storyId, ++storyVersion)).setBankId(bankId).setStoryId(storyId).setRevision(revision)
                .setTitle("A story, revised").setSituation(situation).setTask(task).setAction(action).setResult(result).setText(null)
                .setPrinciples(List.of(principles)).setProjectTag(null).setNote(null).build();
    }

    public PrinciplesClaimed claimed(int revision, PrincipleCode... principles) {
        return PrinciplesClaimed.newBuilder().setMetadata(metadata(storyId, ++storyVersion)).setBankId(bankId).setStoryId(storyId)
                .setRevision(revision).setPrinciples(List.of(principles)).build();
    }
}
