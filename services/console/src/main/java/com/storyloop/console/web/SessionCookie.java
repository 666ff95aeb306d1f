package com.storyloop.console.web;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;

/**
 * The signed-in user's token lives in one cookie: HttpOnly (page scripts never see it), SameSite=Lax (other sites'
 * forms do not carry it) and Secure behind HTTPS. The console forwards it to the services as a bearer token.
 */
public final class SessionCookie {

    public static final String NAME = "storyloop_session";

    private SessionCookie() {
    }

    public static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, String token, Duration lifetime) {
        response.addHeader("Set-Cookie", cookie(request, token, lifetime).toString());
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", cookie(request, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration lifetime) {
        return ResponseCookie.from(NAME, value).httpOnly(true).secure(request.isSecure()).sameSite("Lax").path("/")
                .maxAge(lifetime).build();
    }
}
