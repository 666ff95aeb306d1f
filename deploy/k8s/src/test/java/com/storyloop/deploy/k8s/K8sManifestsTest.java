package com.storyloop.deploy.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.storyloop.eventing.kafka.KafkaAcls;
import com.storyloop.schemas.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests of {@code deploy/k8s}, checked for structure since no cluster runs in the build: probes and
 * resources of every Deployment, no secret value anywhere, Kafka users carrying exactly the ACLs of {@link KafkaAcls},
 * the topics of {@link Topics}, a broker that authenticates every listener with SCRAM-SHA-512 and authorises with ACLs,
 * and autoscalers that stay within the partitions their consumers share. Not checked: that a cluster, the Strimzi
 * operator or the API server accept them (no schema validation against the CRDs), and that the services start.
 */
class K8sManifestsTest {

    static final String NAMESPACE = "storyloop";
    static final String READINESS = "/actuator/health/readiness";
    static final String LIVENESS = "/actuator/health/liveness";

    /** An environment variable whose value must come from a Secret (by its name). */
    static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|JAAS|TOKEN|CREDENTIAL|PRIVATE|API_?KEY).*");

    /** Which KafkaAcls principal each Storyloop Deployment authenticates as (none: it uses no Kafka). */
    static final Map<String, String> KAFKA_PRINCIPAL_OF = new LinkedHashMap<>();

    static {
        KAFKA_PRINCIPAL_OF.put("story-service", "story-service");
        KAFKA_PRINCIPAL_OF.put("scoring-service", "scoring-service");
        KAFKA_PRINCIPAL_OF.put("practice-session-service", "practice-service");
        KAFKA_PRINCIPAL_OF.put("coverage-service", "coverage-service");
        KAFKA_PRINCIPAL_OF.put("console", null);
    }

    static final Map<String, Integer> PORTS = Map.of("story-service", 8101, "scoring-service", 8102, "practice-session-service", 8103,
            "coverage-service", 8104, "console", 8080);

    /** The consumer-heavy services that scale horizontally. */
    static final Set<String> AUTOSCALED = Set.of("scoring-service", "coverage-service");

    record Manifest(Path file, Map<String, Object> doc) {
        String kind() {
            return str(doc.get("kind"));
        }

        String name() {
            return str(at(doc, "metadata.name"));
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + file.getFileName() + ")";
        }
    }

    static Path dir;
    static List<Manifest> manifests;

    @BeforeAll
    static void load() throws IOException {
        String root = System.getProperty("storyloop.root");
        dir = root != null && Files.isDirectory(Path.of(root, "deploy", "k8s")) ? Path.of(root, "deploy", "k8s") : Path.of("").toAbsolutePath();
        assertThat(dir.resolve("kustomization.yaml")).as("run from deploy/k8s").exists();
        manifests = new ArrayList<>();
        for (Path file : yamlFiles()) {
            try (Reader reader = Files.newBufferedReader(file)) {
                for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                    if (doc != null) {
                        assertThat(doc).as("a YAML document of %s", file.getFileName()).isInstanceOf(Map.class);
                        manifests.add(new Manifest(file, map(doc)));
                    }
                }
            }
        }
        assertThat(manifests).isNotEmpty();
    }

    static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        }
    }

    // ------------------------------------------------------------------------------------------------------------------

    @Test
    void kustomizationNamesEveryManifestAndEverythingLivesInTheNamespace() throws IOException {
        Manifest kustomization = only("Kustomization");
        Set<String> files = yamlFiles().stream().map(f -> f.getFileName().toString()).filter(f -> !f.equals("kustomization.yaml"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(list(kustomization.doc().get("resources")).stream().map(K8sManifestsTest::str).toList()))
                .as("resources of kustomization.yaml").isEqualTo(files);
        assertThat(kustomization.doc().get("namespace")).isEqualTo(NAMESPACE);

        assertThat(of("Namespace")).extracting(Manifest::name).containsExactly(NAMESPACE);
        for (Manifest m : manifests) {
            if (!Set.of("Namespace", "Kustomization").contains(m.kind())) {
                assertThat(at(m.doc(), "metadata.namespace")).as("namespace of %s", m).isEqualTo(NAMESPACE);
            }
        }
    }

    @Test
    void everyDeploymentProbesActuatorAndHasRequestsAndLimits() {
        assertThat(of("Deployment")).extracting(Manifest::name).containsExactlyInAnyOrderElementsOf(KAFKA_PRINCIPAL_OF.keySet());
        for (Manifest deployment : of("Deployment")) {
            List<Map<String, Object>> containers = containers(deployment);
            assertThat(containers).as("containers of %s", deployment).isNotEmpty();
            for (Map<String, Object> container : containers) {
                String what = deployment + " container " + container.get("name");
                Set<Object> ports = new LinkedHashSet<>();
                for (Object port : list(container.get("ports"))) {
                    ports.add(map(port).get("containerPort"));
                    if (map(port).get("name") != null) {
                        ports.add(map(port).get("name"));
                    }
                }
                assertThat(ports).as("ports of %s", what).contains(PORTS.get(deployment.name()));
                assertThat(env(deployment, container).get("SERVER_PORT")).as("SERVER_PORT of %s", what)
                        .isEqualTo(String.valueOf(PORTS.get(deployment.name())));

                assertThat(at(container, "readinessProbe.httpGet.path")).as("readiness probe of %s", what).isEqualTo(READINESS);
                assertThat(at(container, "livenessProbe.httpGet.path")).as("liveness probe of %s", what).isEqualTo(LIVENESS);
                assertThat(ports).as("probe ports of %s", what)
                        .contains(at(container, "readinessProbe.httpGet.port"), at(container, "livenessProbe.httpGet.port"));
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertThat(at(container, "resources." + bound + "." + resource)).as("resources.%s.%s of %s", bound, resource, what)
                                .isNotNull();
                    }
                }
            }
        }
    }

    @Test
    void everyDeploymentHasAServiceOnItsPort() {
        for (Manifest deployment : of("Deployment")) {
            Map<String, Object> podLabels = map(at(deployment.doc(), "spec.template.metadata.labels"));
            assertThat(map(at(deployment.doc(), "spec.selector.matchLabels")).entrySet()).as("selector of %s", deployment)
                    .isSubsetOf(podLabels.entrySet());
            Manifest service = named("Service", deployment.name());
            assertThat(map(at(service.doc(), "spec.selector")).entrySet()).as("selector of %s", service).isNotEmpty()
                    .isSubsetOf(podLabels.entrySet());
            Map<String, Object> port = map(list(at(service.doc(), "spec.ports")).get(0));
            assertThat(port.get("port")).as("port of %s", service).isEqualTo(PORTS.get(deployment.name()));
            assertThat(port.get("targetPort")).as("targetPort of %s", service).isIn("http", PORTS.get(deployment.name()));
        }
    }

    @Test
    void noSecretValueIsCommitted() {
        assertThat(of("Secret")).as("Secrets are created in the cluster, never committed").isEmpty();
        for (Manifest configMap : of("ConfigMap")) {
            map(configMap.doc().get("data")).forEach((key, value) -> {
                assertThat(key).as("a ConfigMap key of %s", configMap).doesNotMatch(SECRET_LIKE);
                assertThat(str(value).toLowerCase(Locale.ROOT)).as("%s of %s", key, configMap).doesNotContain("password");
            });
        }
        for (Manifest deployment : of("Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                for (Object item : list(container.get("env"))) {
                    Map<String, Object> variable = map(item);
                    String name = str(variable.get("name"));
                    if (SECRET_LIKE.matcher(name).matches() || name.endsWith("_USERNAME")) {
                        assertThat(variable).as("%s of %s: from a Secret, not a value", name, deployment).doesNotContainKey("value");
                        assertThat(at(variable, "valueFrom.secretKeyRef.name")).as("%s of %s: secretKeyRef", name, deployment).isNotNull();
                    } else if (variable.get("value") != null) {
                        assertThat(str(variable.get("value")).toLowerCase(Locale.ROOT)).as("%s of %s", name, deployment)
                                .doesNotContain("password");
                    }
                }
                // the database login of each service is its own, from a Secret created outside the repository
                Map<String, Object> username = variable(container, "SPRING_DATASOURCE_USERNAME");
                Map<String, Object> password = variable(container, "SPRING_DATASOURCE_PASSWORD");
                assertThat(at(username, "valueFrom.secretKeyRef.name")).as("database user of %s", deployment).isEqualTo(deployment.name() + "-db");
                assertThat(at(username, "valueFrom.secretKeyRef.key")).isEqualTo("username");
                assertThat(at(password, "valueFrom.secretKeyRef.name")).as("database password of %s", deployment).isEqualTo(deployment.name() + "-db");
                assertThat(at(password, "valueFrom.secretKeyRef.key")).isEqualTo("password");
            }
        }
    }

    @Test
    void everyServiceTrustsTheProductionIssuerAndAnExternalDatabase() {
        for (Manifest deployment : of("Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                Map<String, String> env = env(deployment, container);
                assertThat(env.get("STORYLOOP_SECURITY_ISSUERURI")).as("issuer of %s", deployment).startsWith("https://");
                assertThat(env.get("SPRING_DATASOURCE_URL")).as("datasource of %s", deployment).startsWith("jdbc:postgresql://")
                        .doesNotContain("localhost", "127.0.0.1");
            }
        }
    }

    @Test
    void eachKafkaUserCarriesExactlyTheAclsOfItsPrincipal() {
        Map<String, Manifest> users = kafkaUsersByPrincipal();
        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(KafkaAcls.STORYLOOP.stream().map(KafkaAcls.Principal::user).toList());
        assertThat(of("KafkaUser")).hasSameSizeAs(KafkaAcls.STORYLOOP);
        String cluster = only("Kafka").name();
        for (KafkaAcls.Principal principal : KafkaAcls.STORYLOOP) {
            Manifest user = users.get(principal.user());
            // Strimzi's SCRAM user name is the resource name, which cannot contain '_': the documented mapping
            assertThat(user.name()).as("name of the KafkaUser for %s", principal.user()).isEqualTo(kafkaUserName(principal.user()));
            assertThat(at(user.doc(), "metadata.labels")).as("cluster label of %s", user)
                    .isEqualTo(Map.of("strimzi.io/cluster", cluster));
            assertThat(at(user.doc(), "spec.authentication.type")).as("authentication of %s", user).isEqualTo("scram-sha-512");
            assertThat(at(user.doc(), "spec.authorization.type")).as("authorization of %s", user).isEqualTo("simple");

            List<String> declared = new ArrayList<>();
            for (Object item : list(at(user.doc(), "spec.authorization.acls"))) {
                Map<String, Object> acl = map(item);
                assertThat(acl.getOrDefault("type", "allow")).as("an ACL of %s", user).isEqualTo("allow");
                assertThat(acl.getOrDefault("host", "*")).as("an ACL of %s", user).isEqualTo("*");
                assertThat(acl).as("an ACL of %s uses operations, not the deprecated operation", user).doesNotContainKey("operation");
                String type = str(at(acl, "resource.type")).toUpperCase(Locale.ROOT);
                String pattern = switch (str(at(acl, "resource.patternType") == null ? "literal" : at(acl, "resource.patternType"))) {
                    case "literal" -> "LITERAL";
                    case "prefix" -> "PREFIXED";
                    default -> "unknown pattern type " + at(acl, "resource.patternType");
                };
                for (Object operation : list(acl.get("operations"))) {
                    declared.add(type + " " + at(acl, "resource.name") + " " + pattern + " " + str(operation).toUpperCase(Locale.ROOT));
                }
            }
            List<String> expected = new ArrayList<>();
            for (AclBinding binding : KafkaAcls.bindings(principal)) {
                assertThat(binding.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
                expected.add(binding.pattern().resourceType() + " " + binding.pattern().name() + " " + binding.pattern().patternType() + " "
                        + binding.entry().operation());
            }
            assertThat(declared).as("ACLs of KafkaUser %s (KafkaAcls.bindings(%s))", user.name(), principal.user())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void topicsArePartitionedAndKeptForever() {
        String cluster = only("Kafka").name();
        Map<String, Manifest> topics = topicsByName();
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        for (Manifest topic : topics.values()) {
            assertThat(at(topic.doc(), "metadata.labels")).as("cluster label of %s", topic).isEqualTo(Map.of("strimzi.io/cluster", cluster));
            assertThat(integer(at(topic.doc(), "spec.partitions"))).as("partitions of %s", topic).isGreaterThanOrEqualTo(Topics.PARTITIONS);
            int replicas = integer(at(topic.doc(), "spec.replicas"));
            assertThat(replicas).as("replicas of %s", topic).isBetween(1, brokers());
            Map<String, String> config = new HashMap<>();
            map(at(topic.doc(), "spec.config")).forEach((k, v) -> config.put(k, str(v)));
            assertThat(config).as("config of %s", topic).containsAllEntriesOf(Topics.CONFIG);
            if (config.containsKey("min.insync.replicas")) {
                assertThat(Integer.parseInt(config.get("min.insync.replicas"))).as("min.insync.replicas of %s", topic).isLessThan(replicas);
            }
        }
    }

    @Test
    void theBrokerAuthenticatesEveryListenerWithScramAndAuthorisesWithAcls() {
        Manifest kafka = only("Kafka");
        assertThat(kafka.doc().get("apiVersion")).isEqualTo("kafka.strimzi.io/v1beta2");
        List<Object> listeners = list(at(kafka.doc(), "spec.kafka.listeners"));
        assertThat(listeners).isNotEmpty();
        for (Object listener : listeners) {
            assertThat(at(map(listener), "authentication.type")).as("authentication of listener %s", map(listener).get("name"))
                    .isEqualTo("scram-sha-512");
        }
        assertThat(at(kafka.doc(), "spec.kafka.authorization.type")).isEqualTo("simple");
        assertThat(at(kafka.doc(), "spec.kafka.authorization.superUsers")).as("no super users besides Strimzi's own").isNull();
        Map<String, Object> config = map(at(kafka.doc(), "spec.kafka.config"));
        assertThat(str(config.get("auto.create.topics.enable"))).isEqualTo("false");
        assertThat(str(config.get("allow.everyone.if.no.acl.found"))).isEqualTo("false");
        assertThat(at(kafka.doc(), "spec.entityOperator.topicOperator")).as("topic operator").isNotNull();
        assertThat(at(kafka.doc(), "spec.entityOperator.userOperator")).as("user operator").isNotNull();

        // KRaft: node pools for this cluster, with controllers and brokers
        Set<String> roles = new TreeSet<>();
        for (Manifest pool : of("KafkaNodePool")) {
            assertThat(at(pool.doc(), "metadata.labels")).as("cluster label of %s", pool).isEqualTo(Map.of("strimzi.io/cluster", kafka.name()));
            list(at(pool.doc(), "spec.roles")).forEach(r -> roles.add(str(r)));
        }
        assertThat(roles).containsExactly("broker", "controller");
    }

    @Test
    void eachServiceAuthenticatesAsItsOwnKafkaUserOverTheBrokersListener() {
        Manifest kafka = only("Kafka");
        Map<String, Manifest> users = kafkaUsersByPrincipal();
        Set<String> used = new LinkedHashSet<>();
        for (Manifest deployment : of("Deployment")) {
            String principal = KAFKA_PRINCIPAL_OF.get(deployment.name());
            for (Map<String, Object> container : containers(deployment)) {
                Map<String, String> env = env(deployment, container);
                Map<String, Object> jaas = variable(container, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
                if (principal == null) {
                    assertThat(env.keySet()).as("%s uses no Kafka", deployment).noneMatch(k -> k.startsWith("SPRING_KAFKA_"));
                    assertThat(jaas).isNull();
                    continue;
                }
                assertThat(at(jaas, "valueFrom.secretKeyRef.name")).as("Kafka credentials of %s", deployment)
                        .isEqualTo(users.get(principal).name());
                assertThat(at(jaas, "valueFrom.secretKeyRef.key")).isEqualTo("sasl.jaas.config");
                used.add(principal);
                assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM")).as("mechanism of %s", deployment).isEqualTo("SCRAM-SHA-512");

                // the bootstrap address is a listener of the cluster, and the protocol matches that listener's TLS
                String bootstrap = env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
                assertThat(bootstrap).as("bootstrap of %s", deployment).startsWith(kafka.name() + "-kafka-bootstrap");
                int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
                Map<String, Object> listener = list(at(kafka.doc(), "spec.kafka.listeners")).stream().map(K8sManifestsTest::map)
                        .filter(l -> integer(l.get("port")) == port).findFirst().orElse(null);
                assertThat(listener).as("a listener on port %s for %s", port, deployment).isNotNull();
                boolean tls = Boolean.TRUE.equals(listener.get("tls"));
                assertThat(env.get("SPRING_KAFKA_SECURITY_PROTOCOL")).as("protocol of %s", deployment).isEqualTo(tls ? "SASL_SSL" : "SASL_PLAINTEXT");
                if (tls) {
                    String truststore = env.get("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION");
                    assertThat(truststore).as("truststore of %s", deployment).isNotNull();
                    assertThat(mountedSecret(deployment, container, truststore)).as("the cluster CA mounted at %s in %s", truststore, deployment)
                            .isEqualTo(kafka.name() + "-cluster-ca-cert");
                }
            }
        }
        assertThat(used).as("each Kafka principal used by one service").containsExactlyInAnyOrderElementsOf(
                KAFKA_PRINCIPAL_OF.values().stream().filter(Objects::nonNull).toList());
    }

    @Test
    void autoscalersStayWithinThePartitionsTheirConsumersShare() {
        Map<String, Manifest> autoscalers = new LinkedHashMap<>();
        of("HorizontalPodAutoscaler").forEach(h -> autoscalers.put(str(at(h.doc(), "spec.scaleTargetRef.name")), h));
        assertThat(autoscalers.keySet()).containsAll(AUTOSCALED);
        Map<String, Manifest> topics = topicsByName();
        Map<String, KafkaAcls.Principal> principals = KafkaAcls.STORYLOOP.stream()
                .collect(Collectors.toMap(KafkaAcls.Principal::user, p -> p));
        for (var entry : autoscalers.entrySet()) {
            Manifest hpa = entry.getValue();
            Manifest deployment = named("Deployment", entry.getKey());
            assertThat(at(hpa.doc(), "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
            assertThat(at(deployment.doc(), "spec.replicas")).as("%s: the autoscaler owns the replica count", deployment).isNull();
            String principal = KAFKA_PRINCIPAL_OF.get(deployment.name());
            assertThat(principal).as("%s consumes Kafka", deployment).isNotNull();
            List<String> reads = principals.get(principal).reads();
            assertThat(reads).as("topics %s reads", principal).isNotEmpty();
            int partitions = reads.stream().mapToInt(t -> integer(at(topics.get(t).doc(), "spec.partitions"))).min().orElseThrow();
            int max = integer(at(hpa.doc(), "spec.maxReplicas"));
            assertThat(max).as("maxReplicas of %s (partitions of %s: %s)", hpa, reads, partitions).isLessThanOrEqualTo(partitions);
            assertThat(integer(at(hpa.doc(), "spec.minReplicas"))).as("minReplicas of %s", hpa).isBetween(1, max);
        }
    }

    // ------------------------------------------------------------------------------------------------------------------

    /** Strimzi names the SCRAM user after the KafkaUser resource, so the resource is named as KafkaAcls names the user. */
    static String kafkaUserName(String principal) {
        return principal;
    }

    static Map<String, Manifest> kafkaUsersByPrincipal() {
        Map<String, Manifest> users = new LinkedHashMap<>();
        for (Manifest user : of("KafkaUser")) {
            String principal = user.name();
            assertThat(users.put(principal, user)).as("one KafkaUser for %s", principal).isNull();
        }
        return users;
    }

    static Map<String, Manifest> topicsByName() {
        Map<String, Manifest> topics = new LinkedHashMap<>();
        for (Manifest topic : of("KafkaTopic")) {
            Object name = at(topic.doc(), "spec.topicName");
            assertThat(topics.put(str(name == null ? topic.name() : name), topic)).as("one KafkaTopic per topic").isNull();
        }
        return topics;
    }

    static int brokers() {
        return of("KafkaNodePool").stream().filter(p -> list(at(p.doc(), "spec.roles")).contains("broker"))
                .mapToInt(p -> integer(at(p.doc(), "spec.replicas"))).sum();
    }

    static List<Manifest> of(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.kind())).toList();
    }

    static Manifest only(String kind) {
        List<Manifest> found = of(kind);
        assertThat(found).as("one %s", kind).hasSize(1);
        return found.get(0);
    }

    static Manifest named(String kind, String name) {
        return of(kind).stream().filter(m -> name.equals(m.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    static List<Map<String, Object>> containers(Manifest deployment) {
        return list(at(deployment.doc(), "spec.template.spec.containers")).stream().map(K8sManifestsTest::map).toList();
    }

    static Map<String, Object> variable(Map<String, Object> container, String name) {
        return list(container.get("env")).stream().map(K8sManifestsTest::map).filter(v -> name.equals(v.get("name"))).findFirst().orElse(null);
    }

    /** The container's environment as far as the manifests tell: ConfigMaps it imports, then its own values (a Secret reads as "secret:name/key"). */
    static Map<String, String> env(Manifest deployment, Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object from : list(container.get("envFrom"))) {
            Object configMap = at(map(from), "configMapRef.name");
            assertThat(configMap).as("envFrom of %s: ConfigMaps only", deployment).isNotNull();
            map(named("ConfigMap", str(configMap)).doc().get("data")).forEach((k, v) -> env.put(k, str(v)));
        }
        for (Object item : list(container.get("env"))) {
            Map<String, Object> variable = map(item);
            Object secret = at(variable, "valueFrom.secretKeyRef.name");
            env.put(str(variable.get("name")), secret != null ? "secret:" + secret + "/" + at(variable, "valueFrom.secretKeyRef.key")
                    : str(variable.get("value")));
        }
        return env;
    }

    /** The Secret mounted in the folder holding {@code file}, or null. */
    static String mountedSecret(Manifest deployment, Map<String, Object> container, String file) {
        String folder = file.substring(0, file.lastIndexOf('/'));
        for (Object mount : list(container.get("volumeMounts"))) {
            if (folder.equals(str(map(mount).get("mountPath")))) {
                for (Object volume : list(at(deployment.doc(), "spec.template.spec.volumes"))) {
                    if (Objects.equals(map(volume).get("name"), map(mount).get("name"))) {
                        return str(at(map(volume), "secret.secretName"));
                    }
                }
            }
        }
        return null;
    }

    /** A value at a dotted path ({@code \\.} for a dot inside a key), or null. */
    static Object at(Map<String, Object> node, String path) {
        Object current = node;
        for (String key : path.split("(?<!\\\\)\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key.replace("\\.", "."));
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    static String str(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    static int integer(Object value) {
        assertThat(value).as("a number").isInstanceOf(Integer.class);
        return (Integer) value;
    }
}
