package com.storyloop.scoring.common;

/** Who asked (a user id or system:scoring-service) and the correlation id shared by everything one request causes. */
public record EventContext(String actor, String correlationId) {

    public static final String SYSTEM_ACTOR = "system:scoring-service";
}
