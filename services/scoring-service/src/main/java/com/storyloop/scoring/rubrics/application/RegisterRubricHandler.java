package com.storyloop.scoring.rubrics.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
        private final String field;

        public RubricVersionTaken(String message) {
            this("version", message);
        }

        /** @param field the request field the problem names ({@code version} when registering, {@code rubricVersion} when adopting) */
        public RubricVersionTaken(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
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
    @Transactional
    public Registered register(Caller caller, String json, String title, String providerId, String packVersion) {
        Access.requireOperator(caller);
        return register(json, title, providerId, packVersion, null);
    }

    /**
     * Registers the definition for {@code offeredToOrg} (null: installation-wide); also how an offered rubric is registered
     * when its organisation adopts it (the adoption was authorised). Call within a transaction: the version name stays
     * locked until it ends.
     *
     * @throws RubricVersionTaken when the version is registered (for anyone) with another definition
     */
    public Registered register(String json, String title, String providerId, String packVersion, String offeredToOrg) {
        Checked checked = check(json);
        String version = checked.rubricVersion();
        List<RubricDefinitions.StoredDefinition> registered = requireFree(checked, "version", "version " + version
                + " is registered with another definition; a version never changes, register this one under a new version");
        if (registered.stream().anyMatch(d -> Objects.equals(d.offeredToOrg(), offeredToOrg))) {
            return new Registered(version, false);
        }
        boolean created = definitions.insert(new RubricDefinitions.StoredDefinition(version, title, providerId, packVersion, json,
                checked.sha256(), clock.instant(), offeredToOrg));
        return new Registered(version, created);
    }

    /** A usable definition: its version and the digest every registration of that version must share. */
    public record Checked(String rubricVersion, String sha256) {
    }

    /** @throws InvalidInput when the document is no usable definition or its version no valid name */
    public Checked check(String json) {
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
        return new Checked(version, sha256(json));
    }

    /**
     * Locks the version name until the transaction ends and refuses it when any owner registered it with another
     * definition: one version, one definition, so engines (one per version) and scorecards never mix two rubrics.
     *
     * @return the version's registrations, all of this definition
     */
    public List<RubricDefinitions.StoredDefinition> requireFree(Checked checked, String field, String message) {
        definitions.lockVersion(checked.rubricVersion());
        List<RubricDefinitions.StoredDefinition> registered = definitions.registrations(checked.rubricVersion());
        if (registered.stream().anyMatch(d -> !d.sha256().equals(checked.sha256()))) {
            throw new RubricVersionTaken(field, message);
        }
        return registered;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
