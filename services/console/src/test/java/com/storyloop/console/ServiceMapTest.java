package com.storyloop.console;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.storyloop.testsupport.ServiceBootContract;

import static org.assertj.core.api.Assertions.assertThat;

/** The landing page's service map reports each backend as the console sees it. */
@TestPropertySource(properties = "storyloop.console.services.story-service=http://127.0.0.1:1")
class ServiceMapTest extends ServiceBootContract {

    @Override
    protected String schema() {
        return "console";
    }

    @Override
    protected List<String> tables() {
        return List.of("users");
    }

    @Override
    protected List<String> metrics() {
        return List.of();
    }

    @Test
    void reportsReachableAndUnreachableServices() throws Exception {
        HttpResponse<String> map = get("/api/service-map");

        assertThat(map.statusCode()).isEqualTo(200);
        assertThat(map.body()).contains("{\"name\":\"story-service\",\"url\":\"http://127.0.0.1:1\",\"status\":\"UNREACHABLE\"}");
        assertThat(map.body()).contains("\"name\":\"coverage-service\"");
        assertThat(get("/index.html").body()).contains("<h1>Storyloop</h1>");
    }
}
