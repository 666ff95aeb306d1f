package com.storyloop.eventing.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import com.storyloop.schemas.Topics;

/**
 * Who may do what on a secured broker (issue 7): each service writes only its own topics, reads only what it consumes,
 * under consumer groups named after it, and writes the dead-letter topics of its own groups; a content partner writes
 * only {@code content.inbound}. One definition, applied by the tests to a real broker and rendered for
 * {@code docker-compose.yml} ({@code deploy/kafka/service-acls.args}, checked against this by a test).
 */
public final class KafkaAcls {

    /**
     * @param user        the SASL/SCRAM user (written with '-', as Kubernetes names must be: Strimzi names the user after its
     *                    KafkaUser resource)
     * @param writes      topics it publishes (its outbox relay)
     * @param reads       topics its consumers read
     * @param groupPrefix its consumer groups (and so its dead-letter topics, {@code <topic>.<group>.dlq}) start with this
     */
    public record Principal(String user, List<String> writes, List<String> reads, String groupPrefix) {
    }

    public static final List<Principal> STORYLOOP = List.of(
            new Principal("story-service", List.of(Topics.STORY_EVENTS), List.of(), "story-"),
            new Principal("scoring-service", List.of(Topics.SCORING_EVENTS), List.of(Topics.STORY_EVENTS, Topics.CONTENT_EVENTS), "scoring-"),
            new Principal("practice-service", List.of(Topics.PRACTICE_EVENTS, Topics.CONTENT_EVENTS),
                    List.of(Topics.STORY_EVENTS, Topics.SCORING_EVENTS, Topics.CONTENT_INBOUND), "practice-"),
            new Principal("coverage-service", List.of(), List.of(Topics.STORY_EVENTS, Topics.SCORING_EVENTS, Topics.PRACTICE_EVENTS), "coverage-"),
            new Principal("content-partner", List.of(Topics.CONTENT_INBOUND), List.of(), null));

    private KafkaAcls() {
    }

    public static List<AclBinding> bindings(Principal principal) {
        List<AclBinding> bindings = new ArrayList<>();
        for (String topic : principal.writes()) {
            allow(bindings, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.CREATE);
        }
        for (String topic : principal.reads()) {
            allow(bindings, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
            // its groups' dead-letter topics: <topic>.<group>.dlq
            allow(bindings, principal, ResourceType.TOPIC, topic + "." + principal.groupPrefix(), PatternType.PREFIXED, AclOperation.CREATE, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.READ);
        }
        if (principal.groupPrefix() != null) {
            allow(bindings, principal, ResourceType.GROUP, principal.groupPrefix(), PatternType.PREFIXED, AclOperation.READ, AclOperation.DESCRIBE);
        }
        return bindings;
    }

    public static List<AclBinding> all() {
        return STORYLOOP.stream().flatMap(p -> bindings(p).stream()).toList();
    }

    /** The same bindings as {@code kafka-acls.sh} arguments, one binding per line (what docker-compose's broker applies). */
    public static String asKafkaAclsArguments() {
        StringBuilder lines = new StringBuilder();
        for (AclBinding binding : all()) {
            lines.append("--add --allow-principal ").append(binding.entry().principal())
                    .append(" --operation ").append(operationName(binding.entry().operation()))
                    .append(binding.pattern().resourceType() == ResourceType.TOPIC ? " --topic " : " --group ").append(binding.pattern().name())
                    .append(" --resource-pattern-type ").append(binding.pattern().patternType().name().toLowerCase(java.util.Locale.ROOT))
                    .append('\n');
        }
        return lines.toString();
    }

    private static String operationName(AclOperation operation) {
        String name = operation.name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static void allow(List<AclBinding> bindings, Principal principal, ResourceType type, String name, PatternType pattern,
                              AclOperation... operations) {
        for (AclOperation operation : operations) {
            bindings.add(new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry("User:" + principal.user(), "*", operation, AclPermissionType.ALLOW)));
        }
    }
}
