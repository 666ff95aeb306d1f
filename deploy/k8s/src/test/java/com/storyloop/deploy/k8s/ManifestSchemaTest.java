package com.storyloop.deploy.k8s;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every resource in deploy/k8s read into the typed models its API server and operator use: Strimzi's own model for
 * Kafka, KafkaNodePool, KafkaTopic and KafkaUser, fabric8's for the Kubernetes kinds. A wrong type or enum value fails
 * the reading; a field either model does not know (a typo, a field of another version) is kept aside by the model and
 * reported here with its path. This is the schema check no cluster is needed for; the operator's own admission still
 * only happens on a cluster.
 */
class ManifestSchemaTest {

    static final Path K8S = Path.of(System.getProperty("storyloop.root", "../.."), "deploy", "k8s");

    static final Map<String, Class<?>> MODELS = Map.of(
            "Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class, "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class,
            "Deployment", Deployment.class, "Service", Service.class, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "ConfigMap", ConfigMap.class, "Namespace", Namespace.class);

    static final Map<String, String> API_VERSIONS = Map.of(
            "Kafka", "kafka.strimzi.io/v1beta2", "KafkaNodePool", "kafka.strimzi.io/v1beta2", "KafkaTopic", "kafka.strimzi.io/v1beta2",
            "KafkaUser", "kafka.strimzi.io/v1beta2", "Deployment", "apps/v1", "Service", "v1", "HorizontalPodAutoscaler", "autoscaling/v2",
            "ConfigMap", "v1", "Namespace", "v1");

    @Test
    void everyResourceReadsIntoItsTypedModelWithoutAFieldTheModelDoesNotKnow() throws IOException {
        YAMLMapper yaml = new YAMLMapper(new YAMLFactory());
        ObjectMapper json = JsonMapper.builder().build();
        List<String> problems = new ArrayList<>();
        int resources = 0;
        List<Path> manifests;
        try (Stream<Path> files = Files.list(K8S)) {
            manifests = files.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
        for (Path manifest : manifests) {
            for (JsonNode document : yaml.readValues(yaml.createParser(manifest.toFile()), JsonNode.class).readAll()) {
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                String kind = document.path("kind").asText();
                String where = manifest.getFileName() + " " + kind + "/" + document.path("metadata").path("name").asText();
                Class<?> model = MODELS.get(kind);
                if (model == null) {
                    problems.add(where + ": no model for kind " + kind);
                    continue;
                }
                if (!API_VERSIONS.get(kind).equals(document.path("apiVersion").asText())) {
                    problems.add(where + ": apiVersion " + document.path("apiVersion").asText() + ", expected " + API_VERSIONS.get(kind));
                }
                Object typed;
                try {
                    typed = json.treeToValue(document, model);
                } catch (IOException | IllegalArgumentException e) {
                    problems.add(where + ": " + e.getMessage().lines().findFirst().orElse(""));
                    continue;
                }
                resources++;
                unknownFields(typed, where, new IdentityHashMap<>(), problems);
            }
        }

        assertThat(resources).as("resources read").isGreaterThanOrEqualTo(25);
        assertThat(problems).as("fields or values the models reject").isEmpty();
    }

    @Test
    void aMisspelledFieldIsFound() throws IOException {
        String topic = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t, labels: {strimzi.io/cluster: storyloop}}
                spec: {partitions: 6, replicas: 3, config: {retention.ms: -1}, partitionz: 12}
                """;
        Object typed = JsonMapper.builder().build().treeToValue(new YAMLMapper().readTree(topic), KafkaTopic.class);
        List<String> problems = new ArrayList<>();

        unknownFields(typed, "KafkaTopic/t", new IdentityHashMap<>(), problems);

        assertThat(problems).containsExactly("KafkaTopic/t.spec: unknown field(s) [partitionz]");
    }

    /** Walks the typed object and reports every model object that kept fields aside as unknown. */
    static void unknownFields(Object node, String path, IdentityHashMap<Object, Boolean> seen, List<String> problems) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection) {
            int i = 0;
            for (Object item : (Collection<?>) node) {
                unknownFields(item, path + "[" + i++ + "]", seen, problems);
            }
            return;
        }
        if (node instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) node).entrySet()) {
                unknownFields(entry.getValue(), path + "." + entry.getKey(), seen, problems);
            }
            return;
        }
        String type = node.getClass().getName();
        if (!type.startsWith("io.fabric8.kubernetes.api.model") && !type.startsWith("io.strimzi.api")) {
            return;
        }
        try {
            for (PropertyDescriptor property : Introspector.getBeanInfo(node.getClass()).getPropertyDescriptors()) {
                Method getter = property.getReadMethod();
                if (getter == null || getter.getParameterCount() > 0 || property.getName().equals("class")) {
                    continue;
                }
                Object value = getter.invoke(node);
                if (property.getName().equals("additionalProperties")) {
                    if (value instanceof Map && !((Map<?, ?>) value).isEmpty()) {
                        problems.add(path + ": unknown field(s) " + ((Map<?, ?>) value).keySet());
                    }
                    continue;
                }
                unknownFields(value, path + "." + property.getName(), seen, problems);
            }
        } catch (ReflectiveOperationException | java.beans.IntrospectionException e) {
            problems.add(path + ": cannot inspect " + type + ": " + e);
        }
    }
}
