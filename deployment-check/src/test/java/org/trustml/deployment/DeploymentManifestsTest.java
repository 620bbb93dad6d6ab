package org.trustml.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, k8s/ and the Dockerfiles agree with the service modules.
 * <p>
 * Facts come from the repository itself: the services are the {@code *-service} directories with a
 * {@code pom.xml}; each port is {@code server.port} of {@code src/main/resources/application.yml}. Adding a
 * service module therefore makes these tests fail until its compose entry, Dockerfile, Kubernetes
 * Deployment/Service/HPA, ScaledObject, PodDisruptionBudget and gateway route exist. No Docker, no network,
 * no kustomize binary: files are parsed with SnakeYAML and overlays rendered by {@link Kustomize}.
 */
class DeploymentManifestsTest {

    static final List<String> REQUIRED_OVERLAYS = List.of("cpu", "gpu", "local", "prod");
    static final ServiceModule EXAMPLE = new ServiceModule("example-service", 8089);

    static Repo repo;
    static Path k8s;

    @BeforeAll
    static void locate() {
        repo = Repo.locate();
        k8s = repo.path("k8s");
        assertTrue(Files.isDirectory(k8s), "k8s/ missing under " + repo.root);
    }

    /** Fails, naming the files, while a module's application.yml is missing or has no server.port. */
    static List<ServiceModule> services() {
        return repo.services();
    }

    static Map<String, Object> compose() {
        Path file = repo.path("docker-compose.yml");
        assertTrue(Files.isRegularFile(file), "docker-compose.yml missing");
        return Yamls.map(Yamls.deepCopy(Yamls.load(repo.read(file))));
    }

    static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
    }

    // ------------------------------------------------------------------------------------------- modules

    @Test
    void serviceModulesHaveDistinctPortsAndAGateway() {
        List<ServiceModule> services = services();
        assertTrue(services.stream().anyMatch(ServiceModule::isGateway), "no gateway-service module");
        Set<Integer> ports = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (ServiceModule s : services) {
            if (!ports.add(s.port())) {
                problems.add(s.module() + ": server.port " + s.port() + " is used by another service module");
            }
        }
        assertNoProblems(problems);
    }

    // -------------------------------------------------------------------------------------- files & layout

    @Test
    void everyYamlDocumentUnderK8sParses() {
        assertNoProblems(KustomizationRules.shapeProblems(k8s));
    }

    @Test
    void kustomizationsListExactlyTheFilesThatExist() {
        assertNoProblems(KustomizationRules.integrityProblems(k8s));
        List<String> missing = REQUIRED_OVERLAYS.stream()
                .filter(o -> Kustomize.kustomizationFile(k8s.resolve("overlays").resolve(o)) == null)
                .map(o -> "k8s/overlays/" + o + " has no kustomization.yaml").toList();
        assertNoProblems(missing);
    }

    @Test
    void dockerfilesFollowTheTemplateShape() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule s : services()) {
            Path dockerfile = repo.path(s.module()).resolve("Dockerfile");
            if (!Files.isRegularFile(dockerfile)) {
                problems.add(s.module() + "/Dockerfile missing (create it from deploy/Dockerfile.service)");
                continue;
            }
            problems.addAll(ManifestRules.dockerfileProblems(s.module() + "/Dockerfile", s, repo.read(dockerfile)));
        }
        Map<String, Object> compose = compose();
        Yamls.mapAt(compose, "services").forEach((name, svc) -> {
            String context = ManifestRules.buildContext(Yamls.map(svc));
            if (context != null) {
                String file = Yamls.textAt(svc, "build", "dockerfile");
                Path dockerfile = repo.root.resolve(context).resolve(file == null ? "Dockerfile" : file).normalize();
                if (!Files.isRegularFile(dockerfile)) {
                    problems.add("compose " + name + ": build context " + context + " has no " + dockerfile.getFileName());
                }
            }
        });
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------------------------------------- compose

    @Test
    void composeRunsEveryServiceWithItsPortHealthAndDependencies() {
        assertNoProblems(ManifestRules.composeProblems(services(), compose()));
    }

    // --------------------------------------------------------------------------------------------- k8s base

    @Test
    void k8sBaseHasDeploymentServiceProbesAndHpaPerService() {
        List<ServiceModule> services = services();
        List<Map<String, Object>> base = Kustomize.render(k8s.resolve("base")).objects();
        List<String> problems = new ArrayList<>(ManifestRules.baseProblems(services, base));
        problems.addAll(ManifestRules.imageProblems("k8s/base", services, base));
        problems.addAll(ManifestRules.uniqueIdProblems("k8s/base", base));
        problems.addAll(ManifestRules.namespaceProblems("k8s/base", base));
        problems.addAll(ManifestRules.noGpuProblems("k8s/base", base));
        assertNoProblems(problems);
    }

    @Test
    void composeAndKubernetesUseTheSameEnvironmentNames() {
        List<Map<String, Object>> base = Kustomize.render(k8s.resolve("base")).objects();
        assertNoProblems(ManifestRules.envConsistencyProblems(services(), compose(), base));
    }

    // --------------------------------------------------------------------------------------------- overlays

    @Test
    void cpuOverlayScalesOnQueueDepthAndHasNoGpu() {
        List<ServiceModule> services = services();
        List<Map<String, Object>> cpu = Kustomize.render(k8s.resolve("overlays/cpu")).objects();
        List<String> problems = new ArrayList<>(ManifestRules.scaledObjectProblems("cpu overlay", services, cpu));
        problems.addAll(ManifestRules.noGpuProblems("cpu overlay", cpu));
        problems.addAll(common("cpu overlay", services, cpu));
        assertNoProblems(problems);
    }

    @Test
    void gpuOverlayGivesGpuCapableDeploymentsOneGpu() {
        List<ServiceModule> services = services();
        Kustomize.Rendered gpu = Kustomize.render(k8s.resolve("overlays/gpu"));
        List<String> problems = new ArrayList<>(ManifestRules.gpuPatchProblems(gpu.patches()));
        problems.addAll(ManifestRules.gpuRenderedProblems(gpu.objects()));
        problems.addAll(ManifestRules.scaledObjectProblems("gpu overlay", services, gpu.objects()));
        problems.addAll(common("gpu overlay", services, gpu.objects()));
        assertNoProblems(problems);
    }

    @Test
    void localOverlayRunsPostgresAndSeaweedfsInCluster() {
        List<ServiceModule> services = services();
        List<Map<String, Object>> local = Kustomize.render(k8s.resolve("overlays/local")).objects();
        List<String> problems = new ArrayList<>(ManifestRules.localProblems(local));
        problems.addAll(common("local overlay", services, local));
        assertNoProblems(problems);
    }

    @Test
    void prodOverlayUsesExternalStoresAndDisruptionBudgets() {
        List<ServiceModule> services = services();
        List<Map<String, Object>> prod = Kustomize.render(k8s.resolve("overlays/prod")).objects();
        List<String> problems = new ArrayList<>(ManifestRules.prodProblems(prod));
        if (prod.stream().anyMatch(o -> "ScaledObject".equals(Yamls.kind(o)) || "TriggerAuthentication".equals(Yamls.kind(o)))) {
            problems.addAll(ManifestRules.scaledObjectProblems("prod overlay", services, prod));
        }
        problems.addAll(common("prod overlay", services, prod));
        assertNoProblems(problems);
    }

    @Test
    void everyOverlayRendersWithValidImagesAndUniqueObjects() throws Exception {
        List<ServiceModule> services = services();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> overlays = Files.list(k8s.resolve("overlays"))) {
            for (Path overlay : overlays.filter(Files::isDirectory).sorted().toList()) {
                String where = "k8s/overlays/" + overlay.getFileName();
                try {
                    problems.addAll(common(where, services, Kustomize.render(overlay).objects()));
                } catch (RuntimeException e) {
                    problems.add(where + ": does not render: " + e.getMessage());
                }
            }
        }
        assertNoProblems(problems);
    }

    private static List<String> common(String where, List<ServiceModule> services, List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>(ManifestRules.imageProblems(where, services, objects));
        problems.addAll(ManifestRules.uniqueIdProblems(where, objects));
        problems.addAll(ManifestRules.namespaceProblems(where, objects));
        for (ServiceModule s : services) {
            if (ManifestRules.named(objects, "Deployment", s.module()).size() != 1) {
                problems.add(where + ": no Deployment " + s.module());
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------ adding a service stays mechanical

    /**
     * Renders the templates for a made-up {@code example-service} on port 8089 and runs the same rules over
     * base, overlays and compose with it added: what the templates produce passes, so adding a real
     * service is copying them.
     */
    @Test
    void templatesForANewMethodServicePassTheRules() {
        List<ServiceModule> services = new ArrayList<>(services());
        services.add(EXAMPLE);
        List<Map<String, Object>> example = template("k8s/templates/method-service.yaml.tmpl");
        List<Map<String, Object>> scaled = template("k8s/templates/scaledobject.yaml.tmpl");
        List<Map<String, Object>> pdb = template("k8s/templates/pdb.yaml.tmpl");
        assertEquals(List.of("Deployment", "Service", "HorizontalPodAutoscaler"),
                example.stream().map(Yamls::kind).toList());

        List<Map<String, Object>> base = withRoute(Kustomize.render(k8s.resolve("base")).objects());
        base.addAll(copies(example));
        List<String> problems = new ArrayList<>(ManifestRules.baseProblems(services, base));

        Kustomize.Rendered cpu = Kustomize.render(k8s.resolve("overlays/cpu"));
        List<Map<String, Object>> cpuObjects = withRoute(cpu.objects());
        cpuObjects.addAll(copies(example));
        cpuObjects.addAll(copies(scaled));
        Kustomize.apply(cpu.patches(), cpuObjects);
        problems.addAll(ManifestRules.scaledObjectProblems("cpu+example", services, cpuObjects));
        problems.addAll(ManifestRules.noGpuProblems("cpu+example", cpuObjects));

        Kustomize.Rendered gpu = Kustomize.render(k8s.resolve("overlays/gpu"));
        List<Map<String, Object>> gpuObjects = withRoute(gpu.objects());
        gpuObjects.addAll(copies(example));
        gpuObjects.addAll(copies(scaled));
        Kustomize.apply(gpu.patches(), gpuObjects);
        problems.addAll(ManifestRules.scaledObjectProblems("gpu+example", services, gpuObjects));
        problems.addAll(ManifestRules.gpuRenderedProblems(gpuObjects));
        Map<String, Object> exampleOnGpu = ManifestRules.single(gpuObjects, "Deployment", EXAMPLE.module());
        assertTrue(exampleOnGpu != null && Yamls.containsText(exampleOnGpu, ManifestRules.GPU_RESOURCE),
                "the gpu overlay does not reach a Deployment rendered from the template");

        Kustomize.Rendered prod = Kustomize.render(k8s.resolve("overlays/prod"));
        List<Map<String, Object>> prodObjects = withRoute(prod.objects());
        prodObjects.addAll(copies(example));
        prodObjects.addAll(copies(scaled));
        prodObjects.addAll(copies(pdb));
        Kustomize.apply(prod.patches(), prodObjects);
        problems.addAll(ManifestRules.prodProblems(prodObjects));
        problems.addAll(ManifestRules.scaledObjectProblems("prod+example", services, prodObjects));

        String dockerfile = repo.read(repo.path("deploy/Dockerfile.service"))
                .replace("__MODULE__", EXAMPLE.module()).replace("__PORT__", String.valueOf(EXAMPLE.port()));
        problems.addAll(ManifestRules.dockerfileProblems("deploy/Dockerfile.service", EXAMPLE, dockerfile));

        Map<String, Object> compose = composeWithExampleBlock();
        problems.addAll(ManifestRules.composeProblems(services, compose));
        problems.addAll(ManifestRules.envConsistencyProblems(services, compose, base));
        assertNoProblems(problems);
    }

    private static List<Map<String, Object>> template(String relative) {
        String text = repo.read(repo.path(relative))
                .replace("__MODULE__", EXAMPLE.module())
                .replace("__PORT__", String.valueOf(EXAMPLE.port()))
                .replace("__SCHEMA__", EXAMPLE.schema());
        assertTrue(!text.contains("__"), relative + " has a placeholder other than __MODULE__/__PORT__/__SCHEMA__");
        return Yamls.objects(Yamls.loadAll(text));
    }

    private static List<Map<String, Object>> copies(List<Map<String, Object>> objects) {
        return Yamls.objects(new ArrayList<Object>(objects));
    }

    /** The gateway Deployment with the route to the example service, as the checklist asks. */
    private static List<Map<String, Object>> withRoute(List<Map<String, Object>> objects) {
        List<Map<String, Object>> result = new ArrayList<>(objects);
        Map<String, Object> gateway = ManifestRules.single(result, "Deployment", ServiceModule.GATEWAY);
        if (gateway != null) {
            Map<String, Object> container = ManifestRules.container(gateway, ManifestRules.CONTAINER);
            if (container != null) {
                List<Object> env = new ArrayList<>(Yamls.listAt(container, "env"));
                Map<String, Object> route = new LinkedHashMap<>();
                route.put("name", EXAMPLE.routeEnv());
                route.put("value", EXAMPLE.url());
                env.add(route);
                container.put("env", env);
            }
        }
        return result;
    }

    /**
     * docker-compose.yml with its commented method-service block uncommented for example-service:8089 and
     * the gateway route added after TRUSTML_ADMIN_KEY.
     */
    private static Map<String, Object> composeWithExampleBlock() {
        List<String> lines = new ArrayList<>(List.of(repo.read(repo.path("docker-compose.yml")).split("\\R", -1)));
        int marker = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Method service block")) {
                marker = i;
            }
        }
        assertTrue(marker >= 0, "docker-compose.yml: the commented 'Method service block' is gone");
        List<String> block = new ArrayList<>();
        int end = marker + 1;
        while (end < lines.size() && lines.get(end).startsWith("  #")) {
            block.add(lines.get(end).replaceFirst("^  # ?", "  "));
            end++;
        }
        assertTrue(!block.isEmpty(), "docker-compose.yml: the method service block is empty");
        lines.addAll(end, block);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith(ManifestRules.ADMIN_ENV + ":")) {
                String indent = lines.get(i).substring(0, lines.get(i).indexOf(ManifestRules.ADMIN_ENV));
                lines.add(i + 1, indent + EXAMPLE.routeEnv() + ": " + EXAMPLE.url());
                break;
            }
        }
        return Yamls.map(Yamls.deepCopy(Yamls.load(String.join("\n", lines))));
    }
}
