package com.storyloop.scoring.scorecards.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The scoring-service's own copy of one story revision, kept from StoryDrafted / StoryRevised (and the claims of
 * PrinciplesClaimed) so that any rubric version can score it again later without asking story-service.
 *
 * @param sourceEventId the StoryDrafted or StoryRevised event: the causation of every scorecard of this revision
 * @param correlationId the correlation id that event carried
 */
public record RevisionCopy(String storyId, int revision, String bankId, String orgId, String clientId, String title, StoryBody body,
                           List<String> principles, UUID sourceEventId, String correlationId) {

    /** Ids become parts of stream ids ({@link ScorecardStreams}): no slashes, no blanks, bounded. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@+-]{1,200}");

    public RevisionCopy {
        Objects.requireNonNull(body, "body");
        principles = List.copyOf(principles);
    }

    /**
     * A revision as a story event describes it, refused when it cannot be scored by any rubric: a story event that
     * breaks the contract of docs/events.md.
     *
     * @throws InvalidRevision naming what is wrong
     */
    public static RevisionCopy of(String storyId, int revision, String bankId, String orgId, String clientId, String title, String situation,
                                  String task, String action, String result, String text, List<String> principles, UUID sourceEventId,
                                  String correlationId) {
        requireId("storyId", storyId);
        requireId("bankId", bankId);
        requireId("orgId", orgId);
        requireId("clientId", clientId);
        if (revision < 1) {
            throw new InvalidRevision("revision", "revision " + revision + " of story " + storyId + " is not a revision number (1 or more)");
        }
        boolean star = situation != null || task != null || action != null || result != null;
        StoryBody body;
        if (star && text != null) {
            throw new InvalidRevision("text", "revision " + revision + " of story " + storyId + " carries both free text and STAR sections");
        } else if (star) {
            body = new StoryBody.Star(situation, task, action, result);
        } else if (text != null) {
            body = new StoryBody.Text(text);
        } else {
            throw new InvalidRevision("text", "revision " + revision + " of story " + storyId + " carries neither free text nor STAR sections");
        }
        return new RevisionCopy(storyId, revision, bankId, orgId, clientId, title == null ? "" : title, body, principles,
                Objects.requireNonNull(sourceEventId, "sourceEventId"), correlationId == null ? sourceEventId.toString() : correlationId);
    }

    public RevisionCopy withPrinciples(List<String> claimed) {
        return new RevisionCopy(storyId, revision, bankId, orgId, clientId, title, body, claimed, sourceEventId, correlationId);
    }

    private static void requireId(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new InvalidRevision(field, field + " '" + value + "' is not an id (1 to 200 letters, digits or ._:@+-)");
        }
    }
}
