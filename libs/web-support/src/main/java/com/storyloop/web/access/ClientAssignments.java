package com.storyloop.web.access;

import java.util.Optional;

/**
 * Which coach a client has, as far as this service knows. A service that owns the facts (the story bank) or already
 * projects them answers from its own tables; the others get {@link JdbcClientAssignments}, fed from the bank events.
 */
public interface ClientAssignments {

    Optional<ClientAssignment> find(String orgId, String clientId);
}
