package com.storyloop.web.access;

/** A client of an organisation and the coach assigned to them (null when none is). */
public record ClientAssignment(String orgId, String clientId, String coachId) {
}
