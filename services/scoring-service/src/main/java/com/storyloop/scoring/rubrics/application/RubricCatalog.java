package com.storyloop.scoring.rubrics.application;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.scoring.rubrics.domain.UnknownRubricVersion;

/**
 * The rubric versions this service scores with: the built-in standard version plus every definition registered as data,
 * each either installation-wide or offered to one organisation. Engines are built once per version and shared (they are
 * immutable and thread-safe).
 */
@Service
public class RubricCatalog {

    /** A version and where it comes from. */
    public record RubricVersion(String rubricVersion, boolean builtIn, String title, String providerId, String packVersion,
                                java.time.Instant registeredAt) {
    }

    private final RubricDefinitions definitions;
    private final RubricEngine standard = RubricEngine.standard();
    private final ConcurrentHashMap<String, RubricEngine> engines = new ConcurrentHashMap<>();

    public RubricCatalog(RubricDefinitions definitions) {
        this.definitions = definitions;
        engines.put(standard.rubricVersion(), standard);
    }

    public String standardVersion() {
        return standard.rubricVersion();
    }

    public RubricEngine standard() {
        return standard;
    }

    /**
     * The engine of a version, whoever owns it: scoring a revision of an organisation that adopted the version (or replaying
     * its scorecards) needs it; who may see or adopt a version is decided by {@link #visibleTo(String, String)}.
     */
    public Optional<RubricEngine> engine(String rubricVersion) {
        RubricEngine known = engines.get(rubricVersion);
        if (known != null) {
            return Optional.of(known);
        }
        // every registration of a version has the same definition (RegisterRubricHandler), so any one builds its engine
        return definitions.registrations(rubricVersion).stream().findFirst().map(stored -> engines.computeIfAbsent(rubricVersion,
                v -> new RubricEngine(RubricDefinition.fromJson(stored.json()))));
    }

    /** The engine of a version {@code orgId} may use (installation-wide or offered to it); another organisation's is unknown. */
    public Optional<RubricEngine> engineFor(String orgId, String rubricVersion) {
        return visibleTo(orgId, rubricVersion) ? engine(rubricVersion) : Optional.empty();
    }

    /** @throws UnknownRubricVersion when no such version is built in or registered */
    public RubricEngine require(String rubricVersion) {
        // the message names the installation's versions only: it must not list any organisation's
        return engine(rubricVersion).orElseThrow(() -> new UnknownRubricVersion(rubricVersion, versionNamesFor(null)));
    }

    /** Built in, installation-wide, or offered to {@code orgId} (null: an operator, the installation catalogue only). */
    public boolean visibleTo(String orgId, String rubricVersion) {
        return rubricVersion.equals(standardVersion()) || definitions.visibleTo(orgId, rubricVersion).isPresent();
    }

    public Set<String> versionNamesFor(String orgId) {
        Set<String> names = new LinkedHashSet<>();
        for (RubricVersion version : versionsFor(orgId)) {
            names.add(version.rubricVersion());
        }
        return names;
    }

    /**
     * The versions {@code orgId} may see and adopt: the built-in one, the installation catalogue and those offered to it and
     * registered when it adopted them. A null orgId (an operator, who sees no organisation's data) gets the installation's.
     */
    public List<RubricVersion> versionsFor(String orgId) {
        List<RubricVersion> all = new ArrayList<>();
        all.add(new RubricVersion(standardVersion(), true, "Storyloop standard rubric", null, null, null));
        for (RubricDefinitions.StoredDefinition stored : definitions.visibleTo(orgId)) {
            all.add(new RubricVersion(stored.rubricVersion(), false, stored.title(), stored.providerId(), stored.packVersion(),
                    stored.registeredAt()));
        }
        return all;
    }
}
