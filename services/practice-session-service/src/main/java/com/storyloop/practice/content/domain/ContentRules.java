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
    // example stories obey the story bank's limits (story-service StoryRules), so a library example could be a client's story
    public static final int MAX_TITLE = 200;
    public static final int MAX_SECTION = 8_000;
    public static final int MAX_STORY = 20_000;
    public static final int MAX_COMMENTARY = 8_000;
    public static final int MAX_PRINCIPLES = 16;
    // a rubric travels as one Kafka record; half a megabyte of JSON stays well under the broker's default 1 MiB limit
    public static final int MAX_RUBRIC_DEFINITION = 500_000;
    /** The rubric version syntax scoring-service accepts for registered definitions. */
    public static final java.util.regex.Pattern RUBRIC_VERSION = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

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
        Optional<Refusal> ids = ids(new String[][] {{"packId", packId}, {"packVersion", packVersion}, {"questionId", questionId}});
        if (ids.isPresent()) {
            return ids;
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
        if (!storable(text)) {
            return Optional.of(new Refusal("INVALID_TEXT", "Question " + questionId + " contains a NUL character or an unpaired surrogate"));
        }
        if (probes.size() > MAX_PROBES) {
            return Optional.of(new Refusal("TOO_MANY_PROBES", "Question " + questionId + " has more than " + MAX_PROBES + " probes"));
        }
        for (String probe : probes) {
            if (blank(probe) || probe.length() > MAX_PROBE_TEXT) {
                return Optional.of(new Refusal("INVALID_PROBE", "Question " + questionId + " has a blank probe or one longer than " + MAX_PROBE_TEXT
                        + " characters"));
            }
            if (!storable(probe)) {
                return Optional.of(new Refusal("INVALID_TEXT", "Question " + questionId + " has a probe with a NUL character or an unpaired surrogate"));
            }
        }
        return Optional.empty();
    }

    /**
     * An example story: ids, a title, one or more known principles (no repeats), a known verdict and level, and a body that is
     * either STAR sections or free text, within the story bank's size limits.
     *
     * @param principles principle codes as received; "UNKNOWN" stands for a code this reader does not know
     */
    public static Optional<Refusal> exampleStory(String packId, String packVersion, String exampleId, String title, List<String> principles,
                                                 boolean knownLevel, boolean knownVerdict, String situation, String task, String action,
                                                 String result, String text, String commentary) {
        Optional<Refusal> ids = ids(new String[][] {{"packId", packId}, {"packVersion", packVersion}, {"exampleId", exampleId}});
        if (ids.isPresent()) {
            return ids;
        }
        String what = "Example " + exampleId;
        if (blank(title)) {
            return Optional.of(new Refusal("MISSING_FIELD", what + " has no title"));
        }
        if (principles.isEmpty()) {
            return Optional.of(new Refusal("MISSING_FIELD", what + " names no principle"));
        }
        if (principles.size() > MAX_PRINCIPLES || principles.contains("UNKNOWN") || Set.copyOf(principles).size() != principles.size()) {
            return Optional.of(new Refusal("INVALID_PRINCIPLE", what + " names an unknown principle code or one twice"));
        }
        if (!knownLevel) {
            return Optional.of(new Refusal("INVALID_LEVEL", what + " names no known level"));
        }
        if (!knownVerdict) {
            return Optional.of(new Refusal("INVALID_VERDICT", what + " names no known verdict (PASS, BORDERLINE or FAIL)"));
        }
        List<String> star = java.util.Arrays.asList(situation, task, action, result);
        boolean hasStar = star.stream().anyMatch(v -> v != null);
        if (hasStar && text != null) {
            return Optional.of(new Refusal("INVALID_BODY", what + " has both STAR sections and a free text; an example is one or the other"));
        }
        if (hasStar ? star.stream().allMatch(ContentRules::blank) : blank(text)) {
            return Optional.of(new Refusal("MISSING_FIELD", what + " has no words: give STAR sections or a free text"));
        }
        for (String[] field : new String[][] {{"title", title}, {"situation", situation}, {"task", task}, {"action", action},
                {"result", result}, {"text", text}, {"commentary", commentary}}) {
            if (field[1] != null && !storable(field[1])) {
                return Optional.of(new Refusal("INVALID_TEXT", what + ": " + field[0] + " contains a NUL character or an unpaired surrogate"));
            }
        }
        if (length(title) > MAX_TITLE || title.indexOf('\n') >= 0) {
            return Optional.of(new Refusal("TEXT_TOO_LONG", what + ": the title must be one line of at most " + MAX_TITLE + " characters"));
        }
        int whole = 0;
        for (int i = 0; i < star.size(); i++) {
            if (star.get(i) != null && length(star.get(i)) > MAX_SECTION) {
                return Optional.of(new Refusal("TEXT_TOO_LONG", what + ": a STAR section is longer than " + MAX_SECTION + " characters"));
            }
            whole += star.get(i) == null ? 0 : length(star.get(i));
        }
        if (text != null) {
            whole = length(text);
        }
        if (whole > MAX_STORY) {
            return Optional.of(new Refusal("TEXT_TOO_LONG", what + " is " + whole + " characters in all; at most " + MAX_STORY));
        }
        if (commentary != null && length(commentary) > MAX_COMMENTARY) {
            return Optional.of(new Refusal("TEXT_TOO_LONG", what + ": the commentary is longer than " + MAX_COMMENTARY + " characters"));
        }
        return Optional.empty();
    }

    /**
     * A rubric: ids, a version in scoring's syntax, a bounded title, and a definition that is a JSON object naming the same
     * version. Whether the rubric engine can run it is scoring-service's call when an organisation adopts it.
     *
     * @param definitionVersion the definition's own {@code version} field, or null when the definition is not a JSON object
     */
    public static Optional<Refusal> rubric(String packId, String packVersion, String rubricVersion, String title, String definition,
                                           boolean definitionIsJsonObject, String definitionVersion) {
        Optional<Refusal> ids = ids(new String[][] {{"packId", packId}, {"packVersion", packVersion}, {"rubricVersion", rubricVersion}});
        if (ids.isPresent()) {
            return ids;
        }
        String what = "Rubric " + rubricVersion;
        if (!RUBRIC_VERSION.matcher(rubricVersion).matches()) {
            return Optional.of(new Refusal("INVALID_RUBRIC_VERSION", what + " is not a rubric version: 1 to 64 letters, digits or ._+-"));
        }
        if (title != null && (length(title) > MAX_TITLE || !storable(title))) {
            return Optional.of(new Refusal("TEXT_TOO_LONG", what + ": the title must be at most " + MAX_TITLE + " characters of text"));
        }
        if (blank(definition)) {
            return Optional.of(new Refusal("MISSING_FIELD", what + " has no definition"));
        }
        if (definition.length() > MAX_RUBRIC_DEFINITION) {
            return Optional.of(new Refusal("TEXT_TOO_LONG", what + ": the definition is longer than " + MAX_RUBRIC_DEFINITION + " characters"));
        }
        if (!definitionIsJsonObject || !storable(definition)) {
            return Optional.of(new Refusal("INVALID_DEFINITION", what + ": the definition is not a JSON object"));
        }
        if (!rubricVersion.equals(definitionVersion)) {
            return Optional.of(new Refusal("VERSION_MISMATCH", what + ": the definition's version is " + definitionVersion
                    + "; it must be the event's rubricVersion"));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> ids(String[][] fields) {
        for (String[] field : fields) {
            if (blank(field[1])) {
                return Optional.of(new Refusal("MISSING_FIELD", field[0] + " is required"));
            }
            if (field[1].length() > MAX_ID) {
                return Optional.of(new Refusal("TEXT_TOO_LONG", field[0] + " is longer than " + MAX_ID + " characters"));
            }
            if (!storable(field[1])) {
                return Optional.of(new Refusal("INVALID_TEXT", field[0] + " contains a NUL character or an unpaired surrogate"));
            }
        }
        return Optional.empty();
    }

    /** PostgreSQL text refuses NUL, and a lone surrogate cannot be encoded as UTF-8. */
    private static boolean storable(String value) {
        if (value.indexOf('\u0000') >= 0) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Characters as a reader counts them (code points), as the story bank does. */
    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
