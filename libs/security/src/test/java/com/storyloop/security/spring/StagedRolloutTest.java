package com.storyloop.security.spring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import com.storyloop.security.testapp.SecuredTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** Until a service turns storyloop.security.enabled on, it answers as before: no token, no generated basic-auth password. */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StagedRolloutTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void withSecurityOffEveryRequestPassesWithoutAToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/whoami")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("anonymous");
    }
}
