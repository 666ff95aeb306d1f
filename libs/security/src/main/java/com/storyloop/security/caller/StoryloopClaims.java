package com.storyloop.security.caller;

/** The JWT claims Storyloop reads beyond the registered ones; an identity provider must map its users onto these. */
public final class StoryloopClaims {

    /** The organisation (tenant) the subject belongs to. */
    public static final String ORG = "org";
    /** A list of {@link Role} names. */
    public static final String ROLES = "roles";
    /** The client id of a CLIENT (their bank's owner id). */
    public static final String CLIENT_ID = "client_id";
    /** The coach id of a COACH. */
    public static final String COACH_ID = "coach_id";
    /** The audience every Storyloop token must carry unless configured otherwise. */
    public static final String DEFAULT_AUDIENCE = "storyloop";

    private StoryloopClaims() {
    }
}
