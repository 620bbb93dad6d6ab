package org.trustml.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The checkers themselves, on in-memory documents: they pass good input and catch bad input. */
class ManifestRulesTest {

    static final ServiceModule GATEWAY = new ServiceModule("gateway-service", 8080);
    static final ServiceModule PRUNING = new ServiceModule("pruning-service", 8081);
    static final List<ServiceModule> BOTH = List.of(GATEWAY, PRUNING);

    static List<Map<String, Object>> objects(String yaml) {
        return Yamls.objects(Yamls.loadAll(yaml));
    }

    static Map<String, Object> map(String yaml) {
        return Yamls.map(Yamls.deepCopy(Yamls.load(yaml)));
    }

    // --------------------------------------------------------------------------------------- placeholders

    @Test
    void springPlaceholdersResolveToTheirDefault() {
        assertThat(Placeholders.springDefault("${SERVER_PORT:8080}")).isEqualTo("8080");
        assertThat(Placeholders.springDefault("${A:${B:9}}")).isEqualTo("9");
        assertThat(Placeholders.springDefault("http://${HOST:gw}:${PORT:1}/x")).isEqualTo("http://gw:1/x");
        assertThatThrownBy(() -> Placeholders.springDefault("${SERVER_PORT}"))
                .hasMessageContaining("without default");
    }

    @Test
    void composeInterpolationResolvesToTheDefault() {
        assertThat(Placeholders.composeDefault("${TAG:-0.1.0}")).isEqualTo("0.1.0");
        assertThat(Placeholders.composeDefault("a${X-b}c$$d${UNSET}")).isEqualTo("abc$d");
        assertThatThrownBy(() -> Placeholders.composeDefault("${X:?set X}")).hasMessageContaining("required");
    }

    @Test
    void serverPortComesFromTheDefaultProfile() {
        List<Object> docs = Yamls.loadAll("""
                spring.config.activate.on-profile: test
                server.port: 1
                ---
                spring:
                  application:
                    name: x
                server:
                  port: ${SERVER_PORT:8083}
                """);
        assertThat(Repo.serverPort(docs)).isEqualTo(8083);
        assertThat(Repo.serverPort(Yamls.loadAll("server.port: 8084"))).isEqualTo(8084);
        assertThatThrownBy(() -> Repo.serverPort(Yamls.loadAll("server: {}"))).hasMessageContaining("no server.port");
    }

    @Test
    void moduleNamesGiveSchemaRouteAndUrl() {
        ServiceModule s = new ServiceModule("foo-bar-service", 8089);
        assertThat(s.schema()).isEqualTo("foo_bar");
        assertThat(s.routeEnv()).isEqualTo("TRUSTML_GATEWAY_SERVICES_FOO_BAR");
        assertThat(s.url()).isEqualTo("http://foo-bar-service:8089");
        assertThatThrownBy(() -> new ServiceModule("platform-core", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    // -------------------------------------------------------------------------------------------- KEDA

    static final String KEDA_OK = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: pruning-service}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: trustml-secrets}
            stringData: {db-connection: "postgresql://u:p@postgres.ns.svc.cluster.local:5432/db"}
            ---
            apiVersion: keda.sh/v1alpha1
            kind: TriggerAuthentication
            metadata: {name: trustml-postgres}
            spec:
              secretTargetRef:
                - {parameter: connection, name: trustml-secrets, key: db-connection}
            ---
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: pruning-service}
            spec:
              scaleTargetRef: {name: pruning-service}
              minReplicaCount: 1
              maxReplicaCount: 4
              triggers:
                - type: postgresql
                  metadata:
                    query: "SELECT count(*) FROM pruning.job WHERE state='QUEUED'"
                    targetQueryValue: "2"
                  authenticationRef: {name: trustml-postgres}
            """;

    @Test
    void scaledObjectCheckAcceptsAGoodScaledObject() {
        assertThat(ManifestRules.scaledObjectProblems("t", BOTH, objects(KEDA_OK))).isEmpty();
    }

    @Test
    void scaledObjectCheckHoldsVacuouslyWithoutMethodServices() {
        assertThat(ManifestRules.scaledObjectProblems("t", List.of(GATEWAY), List.of())).isEmpty();
    }

    @Test
    void scaledObjectCheckFailsWhenAMethodServiceHasNone() {
        List<Map<String, Object>> docs = objects(KEDA_OK);
        docs.removeIf(o -> "ScaledObject".equals(Yamls.kind(o)));
        assertThat(ManifestRules.scaledObjectProblems("t", BOTH, docs))
                .singleElement().asString().contains("exactly one ScaledObject for pruning-service, found 0");
    }

    @Test
    void scaledObjectCheckFailsOnTheWrongSchemaOrANumericTarget() {
        String wrong = KEDA_OK.replace("FROM pruning.job", "FROM job").replace("targetQueryValue: \"2\"",
                "targetQueryValue: 2");
        assertThat(ManifestRules.scaledObjectProblems("t", BOTH, objects(wrong)))
                .anyMatch(p -> p.contains("query must be \"SELECT count(*) FROM pruning.job WHERE state='QUEUED'\""))
                .anyMatch(p -> p.contains("not a string"));
    }

    @Test
    void scaledObjectCheckFailsOnDuplicatesStrangersMissingAuthAndHpaConflicts() {
        String extra = KEDA_OK + """
                ---
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: nas-service}
                spec:
                  scaleTargetRef: {name: nas-service}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: pruning-service}
                spec:
                  scaleTargetRef: {kind: Deployment, name: pruning-service}
                """;
        List<String> problems = ManifestRules.scaledObjectProblems("t", BOTH, objects(extra));
        assertThat(problems).anyMatch(p -> p.contains("nas-service, which is not a method service"))
                .anyMatch(p -> p.contains("both a ScaledObject and HPA"));
        List<Map<String, Object>> twice = objects(KEDA_OK + "---\n" + KEDA_OK.substring(KEDA_OK.lastIndexOf("apiVersion: keda.sh/v1alpha1\nkind: ScaledObject")));
        assertThat(ManifestRules.scaledObjectProblems("t", BOTH, twice)).anyMatch(p -> p.contains("found 2"));
        List<Map<String, Object>> noAuth = objects(KEDA_OK);
        noAuth.removeIf(o -> "TriggerAuthentication".equals(Yamls.kind(o)));
        assertThat(ManifestRules.scaledObjectProblems("t", BOTH, noAuth))
                .anyMatch(p -> p.contains("TriggerAuthentication trustml-postgres does not exist"));
    }

    // --------------------------------------------------------------------------------------------- GPU

    static final String GPU_PATCH = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: any}
            spec:
              template:
                spec:
                  nodeSelector: {nvidia.com/gpu.present: "true"}
                  tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
                  containers:
                    - name: app
                      env: [{name: TRUSTML_ML_DEVICE, value: gpu}]
                      resources: {limits: {nvidia.com/gpu: 1}}
            """;

    static Kustomize.Patch gpuPatch(String content) {
        return new Kustomize.Patch(Path.of("gpu-capable.yaml"),
                map("{kind: Deployment, labelSelector: trustml.io/accelerator=gpu-capable}"), map(content));
    }

    @Test
    void gpuPatchCheckAcceptsLimitsSelectorAndToleration() {
        assertThat(ManifestRules.gpuPatchProblems(List.of(gpuPatch(GPU_PATCH)))).isEmpty();
    }

    @Test
    void gpuPatchCheckFailsOnRequestsBooleanSelectorAndWrongEffect() {
        String bad = GPU_PATCH.replace("limits: {nvidia.com/gpu: 1}", "requests: {nvidia.com/gpu: 1}")
                .replace("\"true\"", "true").replace("NoSchedule", "NoExecute");
        assertThat(ManifestRules.gpuPatchProblems(List.of(gpuPatch(bad))))
                .anyMatch(p -> p.contains("must be 1, is null"))
                .anyMatch(p -> p.contains("limits only, not requests"))
                .anyMatch(p -> p.contains("(Boolean)"))
                .anyMatch(p -> p.contains("effect NoSchedule"));
    }

    @Test
    void gpuPatchCheckFailsWithoutALabelSelectedPatch() {
        Kustomize.Patch byName = new Kustomize.Patch(Path.of("p.yaml"), map("{kind: Deployment, name: x}"), map(GPU_PATCH));
        assertThat(ManifestRules.gpuPatchProblems(List.of(byName))).singleElement().asString().contains("found 0");
    }

    @Test
    void noGpuCheckFindsGpuAnywhere() {
        assertThat(ManifestRules.noGpuProblems("cpu", objects(GPU_PATCH))).hasSize(1);
    }

    // ------------------------------------------------------------------------------------ compose & env

    static final String COMPOSE = """
            services:
              postgres:
                image: postgres:18
                environment: {POSTGRES_DB: trustml, POSTGRES_USER: u, POSTGRES_PASSWORD: p}
                healthcheck: {test: ["CMD-SHELL", "pg_isready"]}
              seaweedfs:
                image: chrislusf/seaweedfs:4.48
                command: ["mini", "-dir=/data"]
                environment: {AWS_ACCESS_KEY_ID: a, AWS_SECRET_ACCESS_KEY: s, S3_BUCKET: b}
                healthcheck: {test: ["CMD", "wget", "http://127.0.0.1:8333/healthz"]}
              gateway-service:
                build: {context: ./gateway-service}
                image: trustml/gateway-service:${TAG:-1}
                ports: ["8080:8080"]
                healthcheck: {test: ["CMD", "probe", "http://127.0.0.1:8080/actuator/health"]}
                depends_on:
                  postgres: {condition: service_healthy}
                  seaweedfs: {condition: service_healthy}
                environment:
                  SPRING_DATASOURCE_URL: jdbc:postgresql://postgres:5432/trustml
                  SPRING_DATASOURCE_USERNAME: u
                  SPRING_DATASOURCE_PASSWORD: p
                  TRUSTML_ARTIFACTS_STORE: ${STORE:-s3}
                  TRUSTML_ARTIFACTS_S3_ENDPOINT: http://seaweedfs:8333
                  TRUSTML_ARTIFACTS_S3_BUCKET: b
                  TRUSTML_ARTIFACTS_S3_REGION: r
                  TRUSTML_ARTIFACTS_S3_ACCESS_KEY: a
                  TRUSTML_ARTIFACTS_S3_SECRET_KEY: s
                  TRUSTML_ARTIFACTS_FS_ROOT: /x
                  TRUSTML_INTERNAL_TOKEN: t
                  TRUSTML_ADMIN_KEY: k
            """;

    @Test
    void composeCheckAcceptsAGatewayOnlySetup() {
        assertThat(ManifestRules.composeProblems(List.of(GATEWAY), map(COMPOSE))).isEmpty();
    }

    @Test
    void composeCheckFailsWhenANewModuleHasNoServiceOrRoute() {
        List<String> problems = ManifestRules.composeProblems(BOTH, map(COMPOSE));
        assertThat(problems).anyMatch(p -> p.contains("no service 'pruning-service'"))
                .anyMatch(p -> p.contains("no route TRUSTML_GATEWAY_SERVICES_PRUNING=http://pruning-service:8081"));
    }

    @Test
    void composeCheckFailsOnMinioWrongPortsAndDrift() {
        String bad = COMPOSE.replace("chrislusf/seaweedfs:4.48", "minio/minio:latest")
                .replace("\"8080:8080\"", "\"8080:9090\"")
                .replace("SPRING_DATASOURCE_PASSWORD: p", "SPRING_DATASOURCE_PASSWORD: other");
        List<String> problems = ManifestRules.composeProblems(List.of(GATEWAY), map(bad));
        assertThat(problems).anyMatch(p -> p.contains("MinIO"))
                .anyMatch(p -> p.contains("no port mapping to container port 8080"))
                .anyMatch(p -> p.contains("SPRING_DATASOURCE_PASSWORD differs"));
    }

    @Test
    void routeCheckWantsExactlyOneRoutePerMethodService() {
        Map<String, String> env = Map.of("TRUSTML_GATEWAY_SERVICES_PRUNING", "http://pruning-service:9999",
                "TRUSTML_GATEWAY_SERVICES_NAS", "http://nas-service:8082");
        assertThat(ManifestRules.routeProblems("gw", BOTH, env))
                .anyMatch(p -> p.contains("must be http://pruning-service:8081"))
                .anyMatch(p -> p.contains("TRUSTML_GATEWAY_SERVICES_NAS has no service module nas-service"));
    }

    @Test
    void methodServiceEnvNeedsTheCatalogAndNoGatewaySecrets() {
        Map<String, String> env = new java.util.HashMap<>();
        ManifestRules.COMMON_ENV.forEach(k -> env.put(k, "x"));
        env.put("TRUSTML_ARTIFACTS_STORE", "s3");
        env.put("TRUSTML_ADMIN_KEY", "k");
        env.put("TRUSTML_CATALOG_URL", "http://gateway-service:9090");
        assertThat(ManifestRules.envProblems("p", PRUNING, BOTH, env, false))
                .anyMatch(p -> p.contains("must be http://gateway-service:8080"))
                .anyMatch(p -> p.contains("belongs to the gateway only"));
    }

    // ---------------------------------------------------------------------------------------- Dockerfile

    @Test
    void dockerfileCheckWantsTheTemplateShape() {
        String good = """
                FROM eclipse-temurin:17-jre
                COPY target/pruning-service-*-exec.jar /app/app.jar
                USER 10001:10001
                EXPOSE 8081
                HEALTHCHECK --interval=5s \\
                  CMD ["bash", "-c", "probe 127.0.0.1/8081 /actuator/health"]
                ENTRYPOINT ["java", "-jar", "/app/app.jar"]
                """;
        assertThat(ManifestRules.dockerfileProblems("d", PRUNING, good)).isEmpty();
        String bad = good.replace("USER 10001:10001", "USER root").replace("EXPOSE 8081", "EXPOSE 8080")
                .replace("17-jre", "21-jre");
        assertThat(ManifestRules.dockerfileProblems("d", PRUNING, bad)).hasSize(3);
    }

    // -------------------------------------------------------------------------------------- Kustomize

    @Test
    void kustomizeSubsetDeletesBySelectorAndMergesContainersByName() {
        List<Map<String, Object>> docs = new ArrayList<>(objects("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: a, labels: {app.kubernetes.io/component: method-service}}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: gateway-service, labels: {app.kubernetes.io/component: gateway}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: a, labels: {trustml.io/accelerator: gpu-capable}}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          env: [{name: KEEP, value: "1"}]
                          resources: {limits: {memory: 1Gi}}
                """));
        Kustomize.Patch delete = new Kustomize.Patch(Path.of("k"),
                map("{kind: HorizontalPodAutoscaler, labelSelector: app.kubernetes.io/component=method-service}"),
                map("{$patch: delete, apiVersion: autoscaling/v2, kind: HorizontalPodAutoscaler, metadata: {name: x}}"));
        Kustomize.apply(List.of(delete, gpuPatch(GPU_PATCH)), docs);
        assertThat(docs).extracting(Yamls::id).containsExactly("HorizontalPodAutoscaler/gateway-service", "Deployment/a");
        Map<String, Object> deployment = docs.get(1);
        assertThat(Yamls.name(deployment)).isEqualTo("a");
        Map<String, Object> app = ManifestRules.container(deployment, "app");
        assertThat(Yamls.listAt(app, "env")).extracting(e -> Yamls.textAt(e, "name"))
                .containsExactlyInAnyOrder("KEEP", "TRUSTML_ML_DEVICE");
        assertThat(Yamls.mapAt(app, "resources", "limits")).containsEntry("memory", "1Gi").containsEntry("nvidia.com/gpu", 1);
        assertThat(ManifestRules.gpuRenderedProblems(docs)).isEmpty();
    }

    @Test
    void namespaceCheckFindsObjectsOutsideTheNamespace() {
        List<Map<String, Object>> docs = objects("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: trustml}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: a, namespace: trustml}
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: b}
                """);
        assertThat(ManifestRules.namespaceProblems("o", docs)).singleElement().asString()
                .contains("PodDisruptionBudget/b has no namespace");
    }

    @Test
    void labelSelectorsAreEqualityBased() {
        Map<String, Object> labels = Map.of("a", "1", "b", "2");
        assertThat(Kustomize.matchesLabelSelector("a=1,b==2", labels)).isTrue();
        assertThat(Kustomize.matchesLabelSelector("a=1,b!=2", labels)).isFalse();
        assertThat(Kustomize.matchesLabelSelector("c", labels)).isFalse();
        assertThat(Kustomize.matchesLabelSelector("!c", labels)).isTrue();
    }
}
