package com.storyloop.cli;

import java.time.Clock;
import java.util.Set;

import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;
import com.storyloop.security.caller.StoryloopClaims;
import com.storyloop.security.spring.StoryloopSecurityProperties;
import com.storyloop.security.token.DevelopmentSigningKey;
import com.storyloop.security.token.TokenIssuer;

/**
 * Tokens the command line mints for its own calls to the local platform, signed with the development key that `up`
 * generated under {@code $STORYLOOP_HOME/keys} and every local service trusts. Useless against a production installation,
 * whose services trust only their identity provider.
 */
final class LocalTokens {

    private LocalTokens() {
    }

    /** For loading the demo organisation's data. */
    static String orgAdmin(PlatformConfig config, String orgId) {
        return mint(config, new Caller("storyloop-cli", orgId, Set.of(Role.ORG_ADMIN), null, null));
    }

    /** For installation administration (projection rebuilds). */
    static String operator(PlatformConfig config) {
        return mint(config, new Caller("storyloop-cli", null, Set.of(Role.OPERATOR), null, null));
    }

    private static String mint(PlatformConfig config, Caller caller) {
        TokenIssuer issuer = new TokenIssuer(DevelopmentSigningKey.loadOrCreate(config.home().resolve("keys")),
                StoryloopSecurityProperties.LOCAL_DEV_ISSUER, StoryloopClaims.DEFAULT_AUDIENCE, TokenIssuer.DEFAULT_LIFETIME, Clock.systemUTC());
        return issuer.issue(caller).value();
    }
}
