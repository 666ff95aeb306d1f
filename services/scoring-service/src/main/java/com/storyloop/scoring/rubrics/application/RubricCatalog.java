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
 * The rubric versions this service scores with: the built-in standard version plus every definition registered as data.
 * Engines are built once per version and shared (they are immutable and thread-safe).
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

    public Optional<RubricEngine> engine(String rubricVersion) {
        RubricEngine known = engines.get(rubricVersion);
        if (known != null) {
            return Optional.of(known);
        }
        return definitions.find(rubricVersion).map(stored -> engines.computeIfAbsent(rubricVersion,
                v -> new RubricEngine(RubricDefinition.fromJson(stored.json()))));
    }

    /** @throws UnknownRubricVersion when no such version is built in or registered */
    public RubricEngine require(String rubricVersion) {
        return engine(rubricVersion).orElseThrow(() -> new UnknownRubricVersion(rubricVersion, versionNames()));
    }

    public boolean exists(String rubricVersion) {
        return engines.containsKey(rubricVersion) || definitions.find(rubricVersion).isPresent();
    }

    public Set<String> versionNames() {
        Set<String> names = new LinkedHashSet<>();
        for (RubricVersion version : versions()) {
            names.add(version.rubricVersion());
        }
        return names;
    }

    public List<RubricVersion> versions() {
        List<RubricVersion> all = new ArrayList<>();
        all.add(new RubricVersion(standardVersion(), true, "Storyloop standard rubric", null, null, null));
        for (RubricDefinitions.StoredDefinition stored : definitions.all()) {
            all.add(new RubricVersion(stored.rubricVersion(), false, stored.title(), stored.providerId(), stored.packVersion(),
                    stored.registeredAt()));
        }
        return all;
    }
}
