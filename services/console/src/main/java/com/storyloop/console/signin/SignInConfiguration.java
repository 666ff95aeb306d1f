package com.storyloop.console.signin;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.function.SingletonSupplier;

import com.storyloop.console.signin.adapter.in.startup.DemoUsersOnStart;
import com.storyloop.console.signin.adapter.out.crypto.BCryptPasswordHashing;
import com.storyloop.console.signin.adapter.out.jdbc.JdbcAccounts;
import com.storyloop.console.signin.application.Accounts;
import com.storyloop.console.signin.application.DemoAccounts;
import com.storyloop.console.signin.application.PasswordHashing;
import com.storyloop.console.signin.application.SignIn;
import com.storyloop.security.spring.StoryloopSecurityProperties;
import com.storyloop.security.token.DevelopmentSigningKey;
import com.storyloop.security.token.TokenIssuer;

/**
 * Local sign-in: the console signs its users' tokens with the development key that every service verifies with
 * (storyloop.security.*). With a production identity provider, users sign in there instead (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    @Bean
    Accounts accounts(JdbcTemplate jdbc) {
        return new JdbcAccounts(jdbc);
    }

    @Bean
    PasswordHashing passwordHashing() {
        return new BCryptPasswordHashing();
    }

    @Bean
    SignIn signIn(Accounts accounts, PasswordHashing hashing, StoryloopSecurityProperties security) {
        return new SignIn(accounts, hashing, SingletonSupplier.of(() -> new TokenIssuer(
                DevelopmentSigningKey.loadOrCreate(security.resolvedDevKeyDirectory()), security.devIssuer(), security.audience(),
                security.tokenLifetime(), Clock.systemUTC())));
    }

    @Bean
    @ConditionalOnProperty(prefix = "storyloop.console", name = "demo-users", havingValue = "true")
    DemoUsersOnStart demoUsersOnStart(Accounts accounts, PasswordHashing hashing,
                                      @Value("${storyloop.console.demo-users-file}") Path passwordFile) {
        return new DemoUsersOnStart(new DemoAccounts(accounts, hashing), passwordFile);
    }
}
