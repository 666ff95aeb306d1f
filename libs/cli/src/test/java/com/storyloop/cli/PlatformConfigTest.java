package com.storyloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PlatformConfigTest {

    @Test
    void givenNoJavaOptions_whenConfigured_thenServicesGetTheSmallMemoryDefaults() {
        PlatformConfig config = PlatformConfig.fromEnvironment(Map.of("STORYLOOP_HOME", "/tmp/storyloop-config-test"));

        assertThat(config.serviceJvmFlags()).contains("-Xmx256m", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void givenJavaOptions_whenConfigured_thenTheyReplaceTheDefaultsWordByWord() {
        PlatformConfig config = PlatformConfig.fromEnvironment(Map.of("STORYLOOP_HOME", "/tmp/storyloop-config-test",
                "STORYLOOP_SERVICE_JAVA_OPTS", "  -Xms256m   -Xmx512m -XX:+UseSerialGC "));

        assertThat(config.serviceJvmFlags()).containsExactly("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC");
    }
}
