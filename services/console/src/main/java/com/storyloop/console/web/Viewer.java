package com.storyloop.console.web;

import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;

/** Who is looking at a page, as templates need it: which links to offer. The services still decide what they may see. */
public record Viewer(String subject, String orgId, String clientId, String coachId, boolean admin, boolean coach, boolean client) {

    public static Viewer of(Caller caller) {
        return new Viewer(caller.subject(), caller.orgId(), caller.clientId(), caller.coachId(),
                caller.has(Role.ORG_ADMIN), caller.has(Role.COACH), caller.has(Role.CLIENT));
    }

    /** Coaches and admins look after many clients; a client looks after one bank. */
    public boolean seesRoster() {
        return admin || coach;
    }

    public String roleLabel() {
        return admin ? "organisation admin" : coach ? "coach" : client ? "client" : "operator";
    }

    /** Where this viewer starts after signing in. */
    public String home() {
        if (seesRoster()) {
            return "/roster";
        }
        return client && clientId != null ? "/clients/" + clientId : "/index.html";
    }
}
