package com.storyloop.security.spring;

import org.springframework.security.oauth2.jwt.Jwt;

import com.storyloop.security.caller.Caller;

/** The caller of a token Spring Security has already validated (signature, issuer, audience, expiry). */
public final class JwtCallers {

    private JwtCallers() {
    }

    public static Caller from(Jwt jwt) {
        return Caller.fromClaims(jwt.getSubject(), jwt.getClaims());
    }
}
