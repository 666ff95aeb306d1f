package com.storyloop.coverage.clients.query.listingclients;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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

    /** A page ({@code ?page=0&size=100}, at most 500) as a JSON array; {@code Link rel="next"} names the next page when there is one. */
    @GetMapping("/api/orgs/{orgId}/clients")
    ResponseEntity<List<ClientRow>> list(@PathVariable String orgId, @RequestParam(required = false) String page,
                                         @RequestParam(required = false) String size, Caller caller) {
        ClientListQuery.ClientPage result = query.list(caller, orgId, page, size);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (result.hasNext()) {
            response.header(HttpHeaders.LINK, "</api/orgs/" + orgId + "/clients?page=" + (result.paging().page() + 1) + "&size="
                    + result.paging().size() + ">; rel=\"next\"");
        }
        return response.body(result.clients());
    }
}
