package com.storyloop.deploy.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/grafana/storyloop-overview.json: every panel is explained and queries Prometheus, the signals operations.md
 * promises are there (consumer, relay and projection lag, dead letters), and every Storyloop metric it queries is one the
 * code registers, so a renamed metric fails the build instead of leaving an empty panel.
 */
class GrafanaDashboardTest {

    static final Path ROOT = Path.of(System.getProperty("storyloop.root", "../.."));
    static final Pattern QUERIED = Pattern.compile("\\bstoryloop_[a-z_]+");
    static final Pattern REGISTERED = Pattern.compile("(?:Gauge|Counter|Timer|DistributionSummary)\\.builder\\(\\s*\"(storyloop\\.[a-z.]+)\"");

    @Test
    @SuppressWarnings("unchecked")
    void everyPanelIsExplainedAndQueriesOnlyMetricsTheServicesRegister() throws IOException {
        Map<String, Object> dashboard = new Yaml().load(Files.readString(ROOT.resolve("deploy/grafana/storyloop-overview.json"), StandardCharsets.UTF_8));
        List<Map<String, Object>> panels = (List<Map<String, Object>>) dashboard.get("panels");
        assertThat(panels).isNotEmpty();

        Set<String> queried = new TreeSet<>();
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> panel : panels) {
            assertThat((String) panel.get("title")).isNotBlank();
            assertThat((String) panel.get("description")).as("panel %s says what it shows", panel.get("title")).isNotBlank();
            List<Map<String, Object>> targets = (List<Map<String, Object>>) panel.get("targets");
            assertThat(targets).as("panel %s", panel.get("title")).isNotEmpty();
            for (Map<String, Object> target : targets) {
                String expr = (String) target.get("expr");
                assertThat(expr).isNotBlank();
                assertThat(balanced(expr)).as("brackets of %s", expr).isTrue();
                expressions.add(expr);
                Matcher metric = QUERIED.matcher(expr);
                while (metric.find()) {
                    queried.add(metric.group());
                }
            }
        }

        assertThat(queried).as("the lag and dead-letter signals operations.md names")
                .contains("storyloop_consumer_lag", "storyloop_relay_lag", "storyloop_consumer_dead_lettered", "storyloop_consumer_applied");
        assertThat(registeredMetrics()).as("metrics registered in the code, as Prometheus names them").containsAll(queried);
        assertThat(expressions).anySatisfy(expr -> assertThat(expr).contains("http_server_requests_seconds_bucket"));
    }

    /** Micrometer names in libs/ and services/ main sources, with Prometheus's "_" for "." */
    static Set<String> registeredMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String folder : new String[] {"libs", "services"}) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(folder))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
                    Matcher registered = REGISTERED.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (registered.find()) {
                        names.add(registered.group(1).replace('.', '_'));
                    }
                }
            }
        }
        return names;
    }

    static boolean balanced(String expr) {
        int depth = 0;
        for (char c : expr.toCharArray()) {
            depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
