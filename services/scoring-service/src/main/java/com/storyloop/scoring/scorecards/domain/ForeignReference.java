package com.storyloop.scoring.scorecards.domain;

/**
 * A story event that names a bank or story of another organisation (or another client) than its own metadata: refused,
 * so nobody injects into another tenant's stories through a stream of their own. The consumer dead-letters it.
 */
public final class ForeignReference extends RuntimeException {

    /** ORG_MISMATCH or CLIENT_MISMATCH. */
    private final String code;

    private ForeignReference(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Refuses a reference to something owned by {@code owner} from an event of {@code orgId} and {@code clientId}. */
    public static void check(String what, StoryOwner owner, String orgId, String clientId) {
        if (!owner.orgId().equals(orgId)) {
            throw new ForeignReference("ORG_MISMATCH", what + " belongs to another organisation than the event's " + orgId);
        }
        if (!owner.clientId().equals(clientId)) {
            throw new ForeignReference("CLIENT_MISMATCH", what + " belongs to another client than the event's " + clientId);
        }
    }

    public String code() {
        return code;
    }
}
