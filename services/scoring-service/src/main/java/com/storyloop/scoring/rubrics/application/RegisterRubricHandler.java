package com.storyloop.scoring.rubrics.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.access.Access;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.InvalidInput;

/**
 * Registers a rubric definition as data (an admin today; RubricPublished content later). The document must build an
 * engine; its {@code version} names it, and a version, once registered, never changes.
 */
@Service
public class RegisterRubricHandler {

    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");
    static final int MAX_DEFINITION_CHARS = 1_000_000;

    /** @param created false when the identical definition was registered before */
    public record Registered(String rubricVersion, boolean created) {
    }

    /** The version is taken by the built-in rubric or by another definition. */
    public static final class RubricVersionTaken extends RuntimeException {
        public RubricVersionTaken(String message) {
            super(message);
        }
    }

    private final RubricDefinitions definitions;
    private final RubricCatalog catalog;
    private final Clock clock;

    public RegisterRubricHandler(RubricDefinitions definitions, RubricCatalog catalog, Clock clock) {
        this.definitions = definitions;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The catalogue is installation-wide (every organisation may adopt from it), so only an operator registers by hand. */
    public Registered register(Caller caller, String json, String title, String providerId, String packVersion) {
        Access.requireOperator(caller);
        return register(json, title, providerId, packVersion);
    }

    /** Also how an offered rubric is registered when its organisation adopts it (the adoption was authorised). */
    public Registered register(String json, String title, String providerId, String packVersion) {
        if (json == null || json.isBlank()) {
            throw new InvalidInput(new FieldProblem("definition", "is required: the rubric definition as a JSON document (see rubric/v1.json)"));
        }
        if (json.length() > MAX_DEFINITION_CHARS) {
            throw new InvalidInput(new FieldProblem("definition", "is longer than " + MAX_DEFINITION_CHARS + " characters"));
        }
        RubricDefinition definition;
        try {
            definition = RubricDefinition.fromJson(json);
            new RubricEngine(definition); // patterns and word classes are checked when an engine is built
        } catch (RuntimeException e) {
            throw new InvalidInput(new FieldProblem("definition", "is not a usable rubric definition: " + e.getMessage()));
        }
        String version = definition.version();
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new InvalidInput(new FieldProblem("version", "'" + version + "' is not a rubric version: 1 to 64 letters, digits or ._+-"));
        }
        if (version.equals(catalog.standardVersion())) {
            throw new RubricVersionTaken("version " + version + " is the built-in rubric; give the definition another version");
        }
        String sha = sha256(json);
        Optional<RubricDefinitions.StoredDefinition> existing = definitions.find(version);
        if (existing.isEmpty() && definitions.insert(new RubricDefinitions.StoredDefinition(version, title, providerId, packVersion, json, sha,
                clock.instant()))) {
            return new Registered(version, true);
        }
        RubricDefinitions.StoredDefinition stored = existing.or(() -> definitions.find(version)).orElseThrow();
        if (!stored.sha256().equals(sha)) {
            throw new RubricVersionTaken("version " + version + " is registered with another definition; a version never changes, "
                    + "register this one under a new version");
        }
        return new Registered(version, false);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
