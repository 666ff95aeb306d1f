package com.storyloop.practice.content.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What third-party content must satisfy before it is accepted (architecture.md section 6): a provider on the
 * organisation's allow-list, the required ids, a real principle, and bounded text. Each refusal has a DLQ reason code.
 */
public final class ContentRules {

    public static final int MAX_ID = 200;
    public static final int MAX_QUESTION_TEXT = 2000;
    public static final int MAX_PROBES = 20;
    public static final int MAX_PROBE_TEXT = 1000;

    private ContentRules() {
    }

    /** A refusal: machine-readable reason and a sentence for the operator. */
    public record Refusal(String reason, String message) {
    }

    public static Optional<Refusal> provider(Set<String> allowed, String orgId, String providerId, String key) {
        if (blank(providerId)) {
            return Optional.of(new Refusal("MISSING_FIELD", "providerId is required"));
        }
        if (!allowed.contains(orgId + "/" + providerId)) {
            return Optional.of(new Refusal("PROVIDER_NOT_ALLOWED", "Provider " + providerId + " is not on the allow-list of organisation " + orgId));
        }
        if (key != null && !key.equals(providerId)) {
            return Optional.of(new Refusal("KEY_MISMATCH", "The record key " + key + " is not the providerId " + providerId));
        }
        return Optional.empty();
    }

    public static Optional<Refusal> question(String packId, String packVersion, String questionId, boolean knownPrinciple, boolean knownLevel,
                                             String text, List<String> probes) {
        for (String[] field : new String[][] {{"packId", packId}, {"packVersion", packVersion}, {"questionId", questionId}}) {
            if (blank(field[1])) {
                return Optional.of(new Refusal("MISSING_FIELD", field[0] + " is required"));
            }
            if (field[1].length() > MAX_ID) {
                return Optional.of(new Refusal("TEXT_TOO_LONG", field[0] + " is longer than " + MAX_ID + " characters"));
            }
        }
        if (!knownPrinciple) {
            return Optional.of(new Refusal("INVALID_PRINCIPLE", "Question " + questionId + " names no known principle code"));
        }
        if (!knownLevel) {
            return Optional.of(new Refusal("INVALID_LEVEL", "Question " + questionId + " names no known level"));
        }
        if (blank(text)) {
            return Optional.of(new Refusal("MISSING_FIELD", "Question " + questionId + " has no text"));
        }
        if (text.length() > MAX_QUESTION_TEXT) {
            return Optional.of(new Refusal("TEXT_TOO_LONG", "Question " + questionId + " is longer than " + MAX_QUESTION_TEXT + " characters"));
        }
        if (probes.size() > MAX_PROBES) {
            return Optional.of(new Refusal("TOO_MANY_PROBES", "Question " + questionId + " has more than " + MAX_PROBES + " probes"));
        }
        for (String probe : probes) {
            if (blank(probe) || probe.length() > MAX_PROBE_TEXT) {
                return Optional.of(new Refusal("INVALID_PROBE", "Question " + questionId + " has a blank probe or one longer than " + MAX_PROBE_TEXT
                        + " characters"));
            }
        }
        return Optional.empty();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
