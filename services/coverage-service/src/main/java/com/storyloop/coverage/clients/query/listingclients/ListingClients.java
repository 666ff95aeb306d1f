package com.storyloop.coverage.clients.query.listingclients;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.coverage.clients.query.listingclients.ClientListQuery.ClientRow;
import com.storyloop.security.caller.Caller;

/**
 * GET /api/orgs/{orgId}/clients: the organisation's clients, soonest interview first; a coach gets only the clients assigned
 * to them, an org admin all.
 */
@RestController
class ListingClients {

    private final ClientListQuery query;

    ListingClients(ClientListQuery query) {
        this.query = query;
    }

    @GetMapping("/api/orgs/{orgId}/clients")
    List<ClientRow> list(@PathVariable String orgId, Caller caller) {
        return query.list(caller, orgId);
    }
}
