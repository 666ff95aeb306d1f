package com.storyloop.security.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.storyloop.security.caller.StoryloopClaims;

/**
 * {@code storyloop.security.*}.
 *
 * @param issuerUri        a production OpenID Connect issuer (e.g. {@code https://sso.example.com/realms/storyloop}); its
 *                         discovery document and keys are fetched on the first token. Empty: the local development key
 * @param audience         the {@code aud} every accepted token must name
 * @param devIssuer        the {@code iss} of tokens signed with the development key (minted by the console)
 * @param devKeyDirectory  where the development key pair lives; default {@code $STORYLOOP_HOME/keys}, else {@code ./.storyloop/keys}
 * @param tokenLifetime    how long a token minted locally is accepted
 * @param openPaths        path patterns answered without a token, beyond health, info and Prometheus (e.g. the console's sign-in)
 */
@ConfigurationProperties("storyloop.security")
public record StoryloopSecurityProperties(
        String issuerUri,
        @DefaultValue(StoryloopClaims.DEFAULT_AUDIENCE) String audience,
        @DefaultValue(StoryloopSecurityProperties.LOCAL_DEV_ISSUER) String devIssuer,
        Path devKeyDirectory,
        @DefaultValue("15m") Duration tokenLifetime,
        @DefaultValue List<String> openPaths) {

    public static final String LOCAL_DEV_ISSUER = "urn:storyloop:local-development";

    public boolean usesOidcIssuer() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    /** The configured key folder, or the one `storyloop up` shares with every service it starts. */
    public Path resolvedDevKeyDirectory() {
        if (devKeyDirectory != null) {
            return devKeyDirectory;
        }
        String home = System.getenv("STORYLOOP_HOME");
        return (home == null || home.isBlank() ? Path.of(".storyloop") : Path.of(home)).resolve("keys").toAbsolutePath();
    }
}
