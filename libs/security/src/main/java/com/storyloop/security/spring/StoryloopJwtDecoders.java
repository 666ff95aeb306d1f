package com.storyloop.security.spring;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

import com.storyloop.security.token.DevelopmentSigningKey;

/** Which tokens a service accepts: signed by the configured issuer's keys (or the development key), for our audience, unexpired. */
final class StoryloopJwtDecoders {

    private static final Logger log = LoggerFactory.getLogger(StoryloopJwtDecoders.class);

    private StoryloopJwtDecoders() {
    }

    static JwtDecoder of(StoryloopSecurityProperties properties) {
        if (properties.usesOidcIssuer()) {
            String issuer = properties.issuerUri();
            log.info("Accepting JWTs from OpenID Connect issuer {} for audience {}", issuer, properties.audience());
            // resolved on the first token, so a service starts (and answers health) while the identity provider is still starting
            return new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer);
                decoder.setJwtValidator(validators(issuer, properties.audience()));
                return decoder;
            });
        }
        Path keys = properties.resolvedDevKeyDirectory();
        log.warn("Accepting JWTs signed with the LOCAL DEVELOPMENT key in {} (issuer {}); set storyloop.security.issuer-uri in production",
                keys, properties.devIssuer());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(DevelopmentSigningKey.loadOrCreate(keys).publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(validators(properties.devIssuer(), properties.audience()));
        return decoder;
    }

    /**
     * Expiry and not-before (with Spring's minute of clock skew), the exact issuer, our audience among the token's, and a
     * subject (a token naming nobody is refused here rather than failing later in a service).
     */
    static OAuth2TokenValidator<Jwt> validators(String issuer, String audience) {
        return JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank())));
    }
}
