package com.storyloop.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Storyloop service must do against real Kafka and PostgreSQL: start, migrate its own schema with Flyway,
 * answer healthy and expose Prometheus metrics. Each service extends this once, naming its schema and tables.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceBootContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register(registry);
        TestTokens.register(registry);
    }

    @Autowired
    protected Environment environment;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private ApplicationContext applicationContext;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The bearer token {@link #get} and {@link #send} present (see {@link TestTokens}); null sends none. */
    protected String token;

    /** The PostgreSQL schema the service owns. */
    protected abstract String schema();

    /** Tables the service's migrations must have created there. */
    protected abstract List<String> tables();

    /** Metric names (Prometheus form) that prove its eventing is wired, e.g. storyloop_relay_lag. */
    protected abstract List<String> metrics();

    /** The running service, e.g. for {@link EndpointMatrix#verify}. */
    protected ApplicationContext applicationContext() {
        return applicationContext;
    }

    /** The port the service under test listens on. */
    protected int port() {
        return Integer.parseInt(environment.getProperty("local.server.port"));
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    /** GET with an Accept header (null for none), e.g. {@code text/csv}. */
    protected HttpResponse<String> get(String path, String accept) throws Exception {
        return send("GET", path, accept);
    }

    /** A request without a body to the service under test. */
    protected HttpResponse<String> send(String method, String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersHealthy() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void migratesItsOwnSchemaWithFlyway() {
        List<String> present = jdbc.queryForList("select table_name from information_schema.tables where table_schema = ?", String.class, schema());
        assertThat(present).contains("flyway_schema_history").containsAll(tables());
    }

    @Test
    void exposesPrometheusMetrics() throws Exception {
        HttpResponse<String> prometheus = get("/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
        for (String metric : metrics()) {
            assertThat(prometheus.body()).as(metric).contains(metric);
        }
    }
}
