package com.storyloop.eventing.kafka;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.storyloop.runtime.RepositoryLayout;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaAclsTest {

    @Test
    void dockerComposesBrokerAppliesExactlyTheseAcls() throws Exception {
        String expected = KafkaAcls.asKafkaAclsArguments();
        // written beside the build output, so a changed definition is one copy away from the committed file
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "service-acls.args"), expected);

        Path committed = RepositoryLayout.locate().root().resolve("deploy/kafka/service-acls.args");

        assertThat(committed).as("deploy/kafka/service-acls.args; regenerate from target/service-acls.args").exists();
        assertThat(Files.readString(committed)).isEqualTo(expected);
    }

    @Test
    void eachServiceWritesOnlyItsOwnTopics() {
        assertThat(KafkaAcls.asKafkaAclsArguments())
                .contains("--allow-principal User:story-service --operation Write --topic story.events --resource-pattern-type literal")
                .doesNotContain("User:story-service --operation Write --topic scoring.events")
                .doesNotContain("User:coverage-service --operation Write --topic story.events --resource-pattern-type literal")
                .contains("--allow-principal User:content-partner --operation Write --topic content.inbound --resource-pattern-type literal")
                .contains("--allow-principal User:coverage-service --operation Read --group coverage- --resource-pattern-type prefixed");
    }
}
