package com.storyloop.console.servicemap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.console.web.ConsoleWebConfiguration.ConsoleProperties;

/** GET /api/service-map: each backend service and whether it answers healthy, for the landing page and operators. */
@RestController
class ServiceMapController {

    record ServiceState(String name, String url, String status) {
    }

    private final ConsoleProperties properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    ServiceMapController(ConsoleProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/api/service-map")
    List<ServiceState> serviceMap() {
        List<ServiceState> states = new ArrayList<>();
        properties.services().forEach((name, url) -> states.add(new ServiceState(name, url, probe(url))));
        return states;
    }

    private String probe(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"") ? "UP" : "DOWN";
        } catch (Exception e) {
            return "UNREACHABLE";
        }
    }
}
