package com.storyloop.practice.questions.domain;

/** Where a question comes from: the team's built-in bank, or a provider's content pack at a version. */
public record Provenance(String source, String providerId, String packId, String packVersion) {

    public static final String BUILT_IN = "built-in";

    public static Provenance builtIn() {
        return new Provenance(BUILT_IN, null, null, null);
    }

    public static Provenance provider(String providerId, String packId, String packVersion) {
        return new Provenance(providerId, providerId, packId, packVersion);
    }
}
