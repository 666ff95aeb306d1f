package com.storyloop.scoring.rubrics.domain;

import java.util.Collection;
import java.util.TreeSet;

/** A rubric version nobody registered: it cannot be adopted or scored with. */
public final class UnknownRubricVersion extends RuntimeException {

    public UnknownRubricVersion(String version, Collection<String> available) {
        super("rubric version '" + version + "' is not known; available: " + String.join(", ", new TreeSet<>(available)));
    }
}
