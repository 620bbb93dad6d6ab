package org.trustml.deployment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules that docker-compose.yml, the Kubernetes manifests and the Dockerfiles must follow, as pure
 * functions of parsed documents: each returns human-readable problems (empty = fine), so the rules can be
 * tested on in-memory examples as well as on the repository's files.
 */
final class ManifestRules {

    static final List<String> COMMON_ENV = List.of(
            "SPRING_DATASOURCE_URL",
            "SPRING_DATASOURCE_USERNAME",
            "SPRING_DATASOURCE_PASSWORD",
            "TRUSTML_ARTIFACTS_STORE",
            "TRUSTML_ARTIFACTS_S3_ENDPOINT",
            "TRUSTML_ARTIFACTS_S3_BUCKET",
            "TRUSTML_ARTIFACTS_S3_REGION",
            "TRUSTML_ARTIFACTS_S3_ACCESS_KEY",
            "TRUSTML_ARTIFACTS_S3_SECRET_KEY",
            "TRUSTML_INTERNAL_TOKEN");
    static final String FS_ROOT_ENV = "TRUSTML_ARTIFACTS_FS_ROOT";
    static final String CATALOG_ENV = "TRUSTML_CATALOG_URL";
    static final String ADMIN_ENV = "TRUSTML_ADMIN_KEY";
    static final String ROUTE_PREFIX = "TRUSTML_GATEWAY_SERVICES_";
    static final String DEVICE_ENV = "TRUSTML_ML_DEVICE";
    /** Set in compose only (the filesystem store is a compose alternative; Kubernetes uses S3). */
    static final Set<String> COMPOSE_ONLY_ENV = Set.of(FS_ROOT_ENV);
    static final Set<String> STORES = Set.of("fs", "s3");

    static final String CONTAINER = "app";
    static final String NAME_LABEL = "app.kubernetes.io/name";
    static final String COMPONENT_LABEL = "app.kubernetes.io/component";
    static final String GPU_LABEL = "trustml.io/accelerator";
    static final String GPU_CAPABLE = "gpu-capable";
    static final String GPU_RESOURCE = "nvidia.com/gpu";
    static final String GPU_NODE_LABEL = "nvidia.com/gpu.present";
    static final String SECRET = "trustml-secrets";
    static final String CONFIG = "trustml-config";
    static final String PLACEHOLDER = "CHANGE-ME";
    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";
    static final int S3_PORT = 8333;
    static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+)(\\?.*)?");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private ManifestRules() {
    }

    // ------------------------------------------------------------------------------------------ environment

    /** Rules for the environment of one service; {@code compose} adds the compose-only variables. */
    static List<String> envProblems(String where, ServiceModule service, List<ServiceModule> all,
            Map<String, String> env, boolean compose) {
        List<String> problems = new ArrayList<>();
        List<String> required = new ArrayList<>(COMMON_ENV);
        if (compose) {
            required.addAll(COMPOSE_ONLY_ENV);
        }
        required.add(service.isGateway() ? ADMIN_ENV : CATALOG_ENV);
        for (String name : required) {
            if (!env.containsKey(name)) {
                problems.add(where + ": missing environment variable " + name);
            }
        }
        String store = env.get("TRUSTML_ARTIFACTS_STORE");
        if (store != null && isLiteral(store) && !STORES.contains(store)) {
            problems.add(where + ": TRUSTML_ARTIFACTS_STORE must be fs or s3, is '" + store + "'");
        }
        if (service.isGateway()) {
            if (env.containsKey(CATALOG_ENV)) {
                problems.add(where + ": " + CATALOG_ENV + " is for method services; the gateway owns the catalog");
            }
            problems.addAll(routeProblems(where, all, env));
        } else {
            Optional<ServiceModule> gateway = all.stream().filter(ServiceModule::isGateway).findFirst();
            String catalog = env.get(CATALOG_ENV);
            if (gateway.isEmpty()) {
                problems.add(where + ": no " + ServiceModule.GATEWAY + " module to point " + CATALOG_ENV + " at");
            } else if (catalog != null && !catalog.equals(gateway.get().url())) {
                problems.add(where + ": " + CATALOG_ENV + " must be " + gateway.get().url() + ", is " + catalog);
            }
            if (env.containsKey(ADMIN_ENV)) {
                problems.add(where + ": " + ADMIN_ENV + " belongs to the gateway only");
            }
            env.keySet().stream().filter(k -> k.startsWith(ROUTE_PREFIX)).forEach(k -> problems.add(
                    where + ": route variable " + k + " belongs to the gateway only"));
        }
        return problems;
    }

    /** The gateway has exactly one {@code TRUSTML_GATEWAY_SERVICES_<NAME>} per method service, with its URL. */
    static List<String> routeProblems(String where, List<ServiceModule> all, Map<String, String> gatewayEnv) {
        List<String> problems = new ArrayList<>();
        Map<String, ServiceModule> expected = new LinkedHashMap<>();
        all.stream().filter(s -> !s.isGateway()).forEach(s -> expected.put(s.routeEnv(), s));
        for (Map.Entry<String, ServiceModule> e : expected.entrySet()) {
            String value = gatewayEnv.get(e.getKey());
            if (value == null) {
                problems.add(where + ": no route " + e.getKey() + "=" + e.getValue().url() + " for module "
                        + e.getValue().module());
            } else if (!value.equals(e.getValue().url())) {
                problems.add(where + ": route " + e.getKey() + " must be " + e.getValue().url() + ", is " + value);
            }
        }
        gatewayEnv.keySet().stream().filter(k -> k.startsWith(ROUTE_PREFIX) && !expected.containsKey(k))
                .forEach(k -> problems.add(where + ": route " + k + " has no service module "
                        + k.substring(ROUTE_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-')
                        + ServiceModule.SUFFIX));
        return problems;
    }

    private static boolean isLiteral(String value) {
        return !value.startsWith("<");
    }

    // ----------------------------------------------------------------------------------------------- compose

    static List<String> composeProblems(List<ServiceModule> services, Map<String, Object> compose) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> defined = Yamls.mapAt(compose, "services");
        if (defined.isEmpty()) {
            return List.of("docker-compose.yml: no services");
        }
        for (Map.Entry<String, Object> e : defined.entrySet()) {
            String image = Yamls.textAt(e.getValue(), "image");
            if (image != null && image.toLowerCase(Locale.ROOT).contains("minio")) {
                problems.add("compose " + e.getKey() + ": image " + image + " — MinIO is not used; S3 is SeaweedFS");
            }
        }
        String postgres = serviceWithImage(defined, "postgres:", problems, "PostgreSQL (image postgres:18)");
        String seaweed = serviceWithImage(defined, "chrislusf/seaweedfs", problems, "SeaweedFS (image chrislusf/seaweedfs)");
        Map<String, String> pgEnv = postgres == null ? Map.of() : composeEnv(Yamls.map(defined.get(postgres)));
        Map<String, String> s3Env = seaweed == null ? Map.of() : composeEnv(Yamls.map(defined.get(seaweed)));
        if (postgres != null) {
            problems.addAll(composePostgresProblems(postgres, Yamls.map(defined.get(postgres))));
        }
        if (seaweed != null) {
            problems.addAll(composeSeaweedProblems(seaweed, Yamls.map(defined.get(seaweed))));
        }

        Set<String> modules = services.stream().map(ServiceModule::module).collect(Collectors.toSet());
        for (String name : defined.keySet()) {
            if (name.endsWith(ServiceModule.SUFFIX) && !modules.contains(name)) {
                problems.add("compose service " + name + " has no module directory " + name + "/ with a pom.xml");
            }
        }
        Map<String, String> hostPorts = new LinkedHashMap<>();
        for (ServiceModule s : services) {
            String where = "docker-compose.yml service " + s.module();
            if (!defined.containsKey(s.module())) {
                problems.add("docker-compose.yml: no service '" + s.module() + "' for module " + s.module()
                        + "/ (copy the method service block at the end of services:)");
                continue;
            }
            Map<String, Object> svc = Yamls.map(defined.get(s.module()));
            String context = buildContext(svc);
            if (context == null) {
                problems.add(where + ": no build context (expected ./" + s.module() + ")");
            } else if (!normalizeContext(context).equals(s.module())) {
                problems.add(where + ": build context must be ./" + s.module() + ", is " + context);
            }
            String image = Placeholders.composeDefault(Yamls.textAt(svc, "image"));
            if (image == null || !isOwnImage(image, s)) {
                problems.add(where + ": image must be " + s.imageRepository() + ":<tag>, is " + image);
            }
            boolean published = false;
            for (Object port : Yamls.listAt(svc, "ports")) {
                String[] hostAndContainer = composePort(port);
                if (hostAndContainer != null && String.valueOf(s.port()).equals(hostAndContainer[1])) {
                    published = true;
                    if (hostAndContainer[0] != null) {
                        String other = hostPorts.put(hostAndContainer[0], s.module());
                        if (other != null) {
                            problems.add(where + ": host port " + hostAndContainer[0] + " also used by " + other);
                        }
                    }
                }
            }
            if (!published) {
                problems.add(where + ": no port mapping to container port " + s.port() + " (server.port)");
            }
            String health = healthcheckText(svc);
            if (health == null) {
                problems.add(where + ": no healthcheck");
            } else if (!health.contains("/actuator/health") || !containsNumber(health, s.port())) {
                problems.add(where + ": healthcheck must call /actuator/health on port " + s.port() + ": " + health);
            }
            for (String dependency : new String[] {postgres, seaweed}) {
                if (dependency == null) {
                    continue;
                }
                Object condition = Yamls.at(svc, "depends_on", dependency, "condition");
                if (!"service_healthy".equals(condition)) {
                    problems.add(where + ": depends_on " + dependency + " needs condition: service_healthy");
                }
            }
            Map<String, String> env = composeEnv(svc);
            problems.addAll(envProblems(where, s, services, env, true));
            problems.addAll(composeInfraEnvProblems(where, env, postgres, pgEnv, seaweed, s3Env));
        }
        return problems;
    }

    private static String serviceWithImage(Map<String, Object> services, String imagePrefix, List<String> problems,
            String what) {
        List<String> found = services.entrySet().stream()
                .filter(e -> String.valueOf(Placeholders.composeDefault(Yamls.textAt(e.getValue(), "image")))
                        .startsWith(imagePrefix))
                .map(Map.Entry::getKey).toList();
        if (found.size() != 1) {
            problems.add("docker-compose.yml: expected exactly one " + what + " service, found " + found);
            return null;
        }
        return found.get(0);
    }

    private static List<String> composePostgresProblems(String name, Map<String, Object> svc) {
        List<String> problems = new ArrayList<>();
        String image = Placeholders.composeDefault(Yamls.textAt(svc, "image"));
        if (!image.equals("postgres:18") && !image.startsWith("postgres:18.") && !image.startsWith("postgres:18-")) {
            problems.add("compose " + name + ": image must be postgres:18, is " + image);
        }
        String health = healthcheckText(svc);
        if (health == null || !health.contains("pg_isready")) {
            problems.add("compose " + name + ": healthcheck must use pg_isready");
        }
        for (Object volume : Yamls.listAt(svc, "volumes")) {
            String target = volume instanceof Map<?, ?> m ? Yamls.text(m.get("target"))
                    : volumeTarget(String.valueOf(volume));
            if ("/var/lib/postgresql/data".equals(target)) {
                problems.add("compose " + name + ": PostgreSQL 18 images refuse a volume at /var/lib/postgresql/data;"
                        + " mount /var/lib/postgresql");
            }
        }
        return problems;
    }

    private static List<String> composeSeaweedProblems(String name, Map<String, Object> svc) {
        List<String> problems = new ArrayList<>();
        Object command = svc.get("command");
        String text = command instanceof List<?> l
                ? l.stream().map(String::valueOf).collect(Collectors.joining(" "))
                : String.valueOf(command);
        boolean mini = text.matches("(^|.*\\s)mini(\\s.*|$)");
        boolean serverWithS3 = text.matches("(^|.*\\s)server(\\s.*|$)") && text.contains("-s3");
        if (!mini && !serverWithS3) {
            problems.add("compose " + name + ": command must be `mini ...` or `server -s3 ...`, is " + text);
        }
        String health = healthcheckText(svc);
        if (health == null || !containsNumber(health, S3_PORT)) {
            problems.add("compose " + name + ": healthcheck must probe the S3 port " + S3_PORT);
        }
        return problems;
    }

    /** The services' database and S3 settings point at the compose PostgreSQL and SeaweedFS, with their credentials. */
    private static List<String> composeInfraEnvProblems(String where, Map<String, String> env, String postgres,
            Map<String, String> pgEnv, String seaweed, Map<String, String> s3Env) {
        List<String> problems = new ArrayList<>();
        if (postgres != null && env.get("SPRING_DATASOURCE_URL") != null) {
            Matcher m = JDBC.matcher(env.get("SPRING_DATASOURCE_URL"));
            String user = pgEnv.getOrDefault("POSTGRES_USER", "postgres");
            String db = pgEnv.getOrDefault("POSTGRES_DB", user);
            if (!m.matches()) {
                problems.add(where + ": SPRING_DATASOURCE_URL is not jdbc:postgresql://host:port/db: "
                        + env.get("SPRING_DATASOURCE_URL"));
            } else {
                if (!m.group(1).equals(postgres) || (m.group(2) != null && !m.group(2).equals("5432"))) {
                    problems.add(where + ": SPRING_DATASOURCE_URL must address " + postgres + ":5432");
                }
                if (!m.group(3).equals(db)) {
                    problems.add(where + ": SPRING_DATASOURCE_URL database " + m.group(3) + " is not POSTGRES_DB " + db);
                }
            }
            if (!Objects.equals(env.get("SPRING_DATASOURCE_USERNAME"), user)) {
                problems.add(where + ": SPRING_DATASOURCE_USERNAME differs from " + postgres + "'s POSTGRES_USER");
            }
            if (!Objects.equals(env.get("SPRING_DATASOURCE_PASSWORD"), pgEnv.get("POSTGRES_PASSWORD"))) {
                problems.add(where + ": SPRING_DATASOURCE_PASSWORD differs from " + postgres + "'s POSTGRES_PASSWORD");
            }
        }
        if (seaweed != null) {
            String endpoint = "http://" + seaweed + ":" + S3_PORT;
            if (!endpoint.equals(env.get("TRUSTML_ARTIFACTS_S3_ENDPOINT"))) {
                problems.add(where + ": TRUSTML_ARTIFACTS_S3_ENDPOINT must be " + endpoint + ", is "
                        + env.get("TRUSTML_ARTIFACTS_S3_ENDPOINT"));
            }
            compare(problems, where, env, "TRUSTML_ARTIFACTS_S3_BUCKET", s3Env, "S3_BUCKET", seaweed);
            compare(problems, where, env, "TRUSTML_ARTIFACTS_S3_ACCESS_KEY", s3Env, "AWS_ACCESS_KEY_ID", seaweed);
            compare(problems, where, env, "TRUSTML_ARTIFACTS_S3_SECRET_KEY", s3Env, "AWS_SECRET_ACCESS_KEY", seaweed);
        }
        return problems;
    }

    private static void compare(List<String> problems, String where, Map<String, String> env, String key,
            Map<String, String> serverEnv, String serverKey, String server) {
        if (!Objects.equals(env.get(key), serverEnv.get(serverKey))) {
            problems.add(where + ": " + key + " (" + env.get(key) + ") differs from " + server + "'s " + serverKey
                    + " (" + serverEnv.get(serverKey) + ")");
        }
    }

    /** Environment of a compose service (mapping or KEY=VALUE list), values at their interpolation defaults. */
    static Map<String, String> composeEnv(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : Placeholders.composeDefault(String.valueOf(v))));
        } else if (raw instanceof List<?> l) {
            for (Object item : l) {
                String entry = String.valueOf(item);
                int eq = entry.indexOf('=');
                env.put(eq < 0 ? entry : entry.substring(0, eq),
                        eq < 0 ? "" : Placeholders.composeDefault(entry.substring(eq + 1)));
            }
        }
        return env;
    }

    static String buildContext(Map<String, Object> service) {
        Object build = service.get("build");
        if (build instanceof Map<?, ?> m) {
            return Yamls.text(m.get("context"));
        }
        return build == null ? null : String.valueOf(build);
    }

    static String normalizeContext(String context) {
        String c = context.trim();
        while (c.startsWith("./")) {
            c = c.substring(2);
        }
        while (c.endsWith("/")) {
            c = c.substring(0, c.length() - 1);
        }
        return c;
    }

    /** {host or null, container} of a compose port entry; null for ranges it cannot read. */
    static String[] composePort(Object entry) {
        if (entry instanceof Map<?, ?> m) {
            return new String[] {Yamls.text(m.get("published")), Yamls.text(m.get("target"))};
        }
        String spec = Placeholders.composeDefault(String.valueOf(entry));
        int slash = spec.indexOf('/');
        if (slash >= 0) {
            spec = spec.substring(0, slash);
        }
        String[] parts = spec.split(":");
        String container = parts[parts.length - 1];
        String host = parts.length >= 2 ? parts[parts.length - 2] : null;
        if (container.contains("-")) {
            return null;
        }
        return new String[] {host, container};
    }

    private static String volumeTarget(String spec) {
        String[] parts = spec.split(":");
        return parts.length >= 2 ? parts[1] : parts[0];
    }

    static String healthcheckText(Map<String, Object> service) {
        Object test = Yamls.at(service, "healthcheck", "test");
        if (test == null) {
            return null;
        }
        return test instanceof List<?> l ? l.stream().map(String::valueOf).collect(Collectors.joining(" "))
                : String.valueOf(test);
    }

    static boolean containsNumber(String text, int number) {
        return Pattern.compile("(?<![0-9])" + number + "(?![0-9])").matcher(text).find();
    }

    static boolean isOwnImage(String image, ServiceModule service) {
        String prefix = service.imageRepository() + ":";
        return image.startsWith(prefix) && TAG.matcher(image.substring(prefix.length())).matches();
    }

    // -------------------------------------------------------------------------------------------- Dockerfile

    static List<String> dockerfileProblems(String where, ServiceModule service, String dockerfile) {
        List<String> problems = new ArrayList<>();
        List<String[]> instructions = dockerInstructions(dockerfile);
        List<String> from = args(instructions, "FROM");
        if (from.isEmpty() || !from.get(0).split("\\s+")[0].startsWith("eclipse-temurin:17-jre")) {
            problems.add(where + ": must start FROM eclipse-temurin:17-jre, is " + (from.isEmpty() ? "-" : from.get(0)));
        }
        String jar = "target/" + service.module() + "-*-exec.jar";
        boolean copiesJar = args(instructions, "COPY").stream().map(a -> a.replaceAll("--\\S+\\s*", "").trim())
                .anyMatch(a -> a.equals(jar + " /app/app.jar"));
        if (!copiesJar) {
            problems.add(where + ": must COPY " + jar + " /app/app.jar (build context = the module directory)");
        }
        List<String> users = args(instructions, "USER");
        String user = users.isEmpty() ? "root" : users.get(users.size() - 1).split(":")[0].trim();
        if (user.equals("root") || user.equals("0")) {
            problems.add(where + ": must switch to a non-root USER");
        }
        boolean exposes = args(instructions, "EXPOSE").stream()
                .flatMap(a -> List.of(a.split("\\s+")).stream())
                .anyMatch(p -> p.replace("/tcp", "").equals(String.valueOf(service.port())));
        if (!exposes) {
            problems.add(where + ": must EXPOSE " + service.port() + " (server.port)");
        }
        List<String> health = args(instructions, "HEALTHCHECK");
        if (health.isEmpty() || !health.get(0).contains("/actuator/health") || !containsNumber(health.get(0), service.port())) {
            problems.add(where + ": HEALTHCHECK must call /actuator/health on port " + service.port());
        }
        List<String> entry = args(instructions, "ENTRYPOINT");
        if (entry.isEmpty() || !entry.get(0).replaceAll("[\\[\\]\",]", " ").trim().replaceAll("\\s+", " ")
                .equals("java -jar /app/app.jar")) {
            problems.add(where + ": ENTRYPOINT must be [\"java\", \"-jar\", \"/app/app.jar\"]");
        }
        return problems;
    }

    /** {instruction, arguments} with continuation lines joined and comments dropped. */
    static List<String[]> dockerInstructions(String dockerfile) {
        List<String[]> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String full = current.toString().trim();
            current.setLength(0);
            if (full.isEmpty()) {
                continue;
            }
            String[] parts = full.split("\\s+", 2);
            result.add(new String[] {parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""});
        }
        return result;
    }

    private static List<String> args(List<String[]> instructions, String name) {
        return instructions.stream().filter(i -> i[0].equals(name)).map(i -> i[1]).toList();
    }

    // --------------------------------------------------------------------------------------- Kubernetes base

    /** Deployment, Service, probes, env, HPA of every service; Ingress and Secret placeholders. */
    static List<String> baseProblems(List<ServiceModule> services, List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>();
        Set<String> modules = services.stream().map(ServiceModule::module).collect(Collectors.toSet());
        for (Map<String, Object> o : objects) {
            String kind = Yamls.kind(o);
            String name = Yamls.name(o);
            if (("Deployment".equals(kind) || "Service".equals(kind)) && name != null
                    && name.endsWith(ServiceModule.SUFFIX) && !modules.contains(name)) {
                problems.add("k8s " + kind + " " + name + " has no module directory " + name + "/ with a pom.xml");
            }
        }
        for (ServiceModule s : services) {
            problems.addAll(serviceProblems(s, services, objects));
        }
        problems.addAll(ingressProblems(services, objects));
        problems.addAll(secretProblems(objects, true));
        return problems;
    }

    static List<String> serviceProblems(ServiceModule s, List<ServiceModule> all, List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>();
        String where = "k8s Deployment " + s.module();
        List<Map<String, Object>> deployments = named(objects, "Deployment", s.module());
        if (deployments.size() != 1) {
            problems.add("k8s: expected one Deployment named " + s.module() + " for module " + s.module()
                    + "/, found " + deployments.size() + " (render k8s/templates/method-service.yaml.tmpl)");
            return problems;
        }
        Map<String, Object> deployment = deployments.get(0);
        Map<String, Object> labels = Yamls.labels(deployment);
        if (!s.module().equals(labels.get(NAME_LABEL))) {
            problems.add(where + ": label " + NAME_LABEL + " must be " + s.module());
        }
        String component = s.isGateway() ? "gateway" : "method-service";
        if (!component.equals(labels.get(COMPONENT_LABEL))) {
            problems.add(where + ": label " + COMPONENT_LABEL + " must be " + component
                    + " (network policy and KEDA patches select on it)");
        }
        if (labels.containsKey(GPU_LABEL) && (s.isGateway() || !GPU_CAPABLE.equals(labels.get(GPU_LABEL)))) {
            problems.add(where + ": label " + GPU_LABEL + " may only be " + GPU_CAPABLE + ", on method services");
        }
        Map<String, Object> podLabels = Yamls.mapAt(deployment, "spec", "template", "metadata", "labels");
        Map<String, Object> selector = Yamls.mapAt(deployment, "spec", "selector", "matchLabels");
        if (selector.isEmpty() || !subset(selector, podLabels)) {
            problems.add(where + ": spec.selector.matchLabels must be non-empty and match the pod template labels");
        }
        Map<String, Object> container = container(deployment, CONTAINER);
        if (container == null) {
            problems.add(where + ": needs a container named '" + CONTAINER + "' (the gpu overlay patch merges on it)");
            return problems;
        }
        String image = Yamls.text(container.get("image"));
        if (image == null || !isOwnImage(image, s)) {
            problems.add(where + ": image must be " + s.imageRepository() + ":<tag>, is " + image);
        }
        boolean hasPort = Yamls.listAt(container, "ports").stream()
                .anyMatch(p -> String.valueOf(s.port()).equals(Yamls.textAt(p, "containerPort")));
        if (!hasPort) {
            problems.add(where + ": containerPort " + s.port() + " (server.port) missing");
        }
        problems.addAll(probeProblems(where, s, container, "livenessProbe", LIVENESS, true));
        problems.addAll(probeProblems(where, s, container, "readinessProbe", READINESS, true));
        problems.addAll(probeProblems(where, s, container, "startupProbe", null, false));
        String account = Yamls.textAt(deployment, "spec", "template", "spec", "serviceAccountName");
        if (account != null && named(objects, "ServiceAccount", account).isEmpty()) {
            problems.add(where + ": ServiceAccount " + account + " does not exist");
        }
        Map<String, String> env = k8sEnv(where, container, objects, problems);
        problems.addAll(envProblems(where, s, all, env, false));
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().equals(CATALOG_ENV) || e.getKey().startsWith(ROUTE_PREFIX)) {
                problems.addAll(urlResolvesProblems(where + " " + e.getKey(), e.getValue(), objects));
            }
        }

        List<Map<String, Object>> svcs = named(objects, "Service", s.module());
        if (svcs.size() != 1) {
            problems.add("k8s: expected one Service named " + s.module() + ", found " + svcs.size());
        } else {
            Map<String, Object> svc = svcs.get(0);
            Map<String, Object> svcSelector = Yamls.mapAt(svc, "spec", "selector");
            if (svcSelector.isEmpty() || !subset(svcSelector, podLabels)) {
                problems.add("k8s Service " + s.module() + ": selector must match the Deployment's pod labels");
            }
            boolean ok = Yamls.listAt(svc, "spec", "ports").stream().anyMatch(p ->
                    String.valueOf(s.port()).equals(Yamls.textAt(p, "port"))
                            && Objects.equals(resolvePort(container, Yamls.at(p, "targetPort")), s.port()));
            if (!ok) {
                problems.add("k8s Service " + s.module() + ": needs port " + s.port() + " with targetPort " + s.port());
            }
        }

        List<Map<String, Object>> hpas = objects.stream().filter(o -> "HorizontalPodAutoscaler".equals(Yamls.kind(o)))
                .filter(o -> s.module().equals(Yamls.textAt(o, "spec", "scaleTargetRef", "name"))).toList();
        if (!s.isGateway() || !hpas.isEmpty()) {
            if (hpas.size() != 1) {
                problems.add("k8s: expected one HorizontalPodAutoscaler for Deployment " + s.module() + ", found "
                        + hpas.size());
            } else {
                Map<String, Object> hpa = hpas.get(0);
                if (!"autoscaling/v2".equals(Yamls.textAt(hpa, "apiVersion"))
                        || !"Deployment".equals(Yamls.textAt(hpa, "spec", "scaleTargetRef", "kind"))) {
                    problems.add("k8s HPA " + Yamls.name(hpa) + ": must be autoscaling/v2 targeting a Deployment");
                }
                if (!s.isGateway() && (!"1".equals(Yamls.textAt(hpa, "spec", "minReplicas"))
                        || !"4".equals(Yamls.textAt(hpa, "spec", "maxReplicas")))) {
                    problems.add("k8s HPA " + Yamls.name(hpa) + ": method services scale 1..4");
                }
            }
        }
        return problems;
    }

    private static List<String> probeProblems(String where, ServiceModule s, Map<String, Object> container,
            String probe, String path, boolean required) {
        Object spec = container.get(probe);
        if (spec == null) {
            return required ? List.of(where + ": " + probe + " missing (" + path + " on port " + s.port() + ")") : List.of();
        }
        Map<String, Object> http = Yamls.mapAt(spec, "httpGet");
        List<String> problems = new ArrayList<>();
        if (http.isEmpty()) {
            problems.add(where + ": " + probe + " must be an httpGet probe");
            return problems;
        }
        if (path != null && !path.equals(Yamls.text(http.get("path")))) {
            problems.add(where + ": " + probe + " path must be " + path + ", is " + http.get("path"));
        }
        if (path == null && !String.valueOf(http.get("path")).startsWith("/actuator/health")) {
            problems.add(where + ": " + probe + " must use an /actuator/health path");
        }
        if (!Objects.equals(resolvePort(container, http.get("port")), s.port())) {
            problems.add(where + ": " + probe + " port must be " + s.port() + ", is " + http.get("port"));
        }
        return problems;
    }

    /** A port number, or a container port name resolved through the container's ports. */
    static Integer resolvePort(Map<String, Object> container, Object port) {
        if (port == null) {
            return null;
        }
        String text = String.valueOf(port);
        if (text.matches("\\d+")) {
            return Integer.valueOf(text);
        }
        return Yamls.listAt(container, "ports").stream()
                .filter(p -> text.equals(Yamls.textAt(p, "name")))
                .map(p -> Integer.valueOf(Yamls.textAt(p, "containerPort")))
                .findFirst().orElse(null);
    }

    /**
     * Effective environment of a container: {@code envFrom} ConfigMaps/Secrets expanded, explicit entries on top.
     * Literal values stay; Secret values read {@code <secret name/key>}. Missing references become problems.
     */
    static Map<String, String> k8sEnv(String where, Map<String, Object> container, List<Map<String, Object>> objects,
            List<String> problems) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object from : Yamls.listAt(container, "envFrom")) {
            String prefix = Objects.toString(Yamls.textAt(from, "prefix"), "");
            String cm = Yamls.textAt(from, "configMapRef", "name");
            String secret = Yamls.textAt(from, "secretRef", "name");
            if (cm != null) {
                Map<String, Object> configMap = single(objects, "ConfigMap", cm);
                if (configMap == null) {
                    problems.add(where + ": envFrom ConfigMap " + cm + " does not exist");
                } else {
                    Yamls.mapAt(configMap, "data").forEach((k, v) -> env.put(prefix + k, Yamls.text(v)));
                }
            }
            if (secret != null) {
                Map<String, Object> s = single(objects, "Secret", secret);
                if (s == null) {
                    problems.add(where + ": envFrom Secret " + secret + " does not exist");
                } else {
                    secretData(s).keySet().forEach(k -> env.put(prefix + k, "<secret " + secret + "/" + k + ">"));
                }
            }
        }
        for (Object item : Yamls.listAt(container, "env")) {
            String name = Yamls.textAt(item, "name");
            if (Yamls.at(item, "value") != null || Yamls.at(item, "valueFrom") == null) {
                env.put(name, Objects.toString(Yamls.textAt(item, "value"), ""));
                continue;
            }
            Map<String, Object> secretRef = Yamls.mapAt(item, "valueFrom", "secretKeyRef");
            Map<String, Object> configRef = Yamls.mapAt(item, "valueFrom", "configMapKeyRef");
            if (!secretRef.isEmpty()) {
                String secretName = Yamls.text(secretRef.get("name"));
                String key = Yamls.text(secretRef.get("key"));
                Map<String, Object> s = single(objects, "Secret", secretName);
                if (s == null || !secretData(s).containsKey(key)) {
                    problems.add(where + ": env " + name + " reads Secret " + secretName + " key " + key
                            + ", which does not exist");
                }
                env.put(name, "<secret " + secretName + "/" + key + ">");
            } else if (!configRef.isEmpty()) {
                String cmName = Yamls.text(configRef.get("name"));
                String key = Yamls.text(configRef.get("key"));
                Map<String, Object> cm = single(objects, "ConfigMap", cmName);
                Object value = cm == null ? null : Yamls.mapAt(cm, "data").get(key);
                if (value == null) {
                    problems.add(where + ": env " + name + " reads ConfigMap " + cmName + " key " + key
                            + ", which does not exist");
                }
                env.put(name, Yamls.text(value));
            } else {
                env.put(name, "<field>");
            }
        }
        return env;
    }

    /** An http://host:port URL names a Service in the same objects that exposes that port. */
    static List<String> urlResolvesProblems(String where, String url, List<Map<String, Object>> objects) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (RuntimeException e) {
            return List.of(where + ": not a URL: " + url);
        }
        if (uri.getHost() == null) {
            return List.of(where + ": not a URL: " + url);
        }
        String host = uri.getHost().split("\\.")[0];
        int port = uri.getPort() < 0 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
        Map<String, Object> svc = single(objects, "Service", host);
        if (svc == null) {
            return List.of(where + ": " + url + " names no Service " + host);
        }
        boolean exposes = Yamls.listAt(svc, "spec", "ports").stream().anyMatch(p -> String.valueOf(port)
                .equals(Yamls.textAt(p, "port")));
        return exposes ? List.of() : List.of(where + ": Service " + host + " does not expose port " + port);
    }

    static List<String> ingressProblems(List<ServiceModule> services, List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>();
        Optional<ServiceModule> gateway = services.stream().filter(ServiceModule::isGateway).findFirst();
        List<Map<String, Object>> ingresses = objects.stream().filter(o -> "Ingress".equals(Yamls.kind(o))).toList();
        if (ingresses.isEmpty()) {
            problems.add("k8s: no Ingress for " + ServiceModule.GATEWAY);
        }
        for (Map<String, Object> ingress : ingresses) {
            List<Object> backends = new ArrayList<>();
            if (Yamls.at(ingress, "spec", "defaultBackend") != null) {
                backends.add(Yamls.at(ingress, "spec", "defaultBackend"));
            }
            for (Object rule : Yamls.listAt(ingress, "spec", "rules")) {
                for (Object path : Yamls.listAt(rule, "http", "paths")) {
                    backends.add(Yamls.at(path, "backend"));
                }
            }
            if (backends.isEmpty()) {
                problems.add("k8s Ingress " + Yamls.name(ingress) + ": no backend");
            }
            for (Object backend : backends) {
                String svc = Yamls.textAt(backend, "service", "name");
                String port = Yamls.textAt(backend, "service", "port", "number");
                if (gateway.isEmpty() || !gateway.get().module().equals(svc)
                        || !String.valueOf(gateway.get().port()).equals(port)) {
                    problems.add("k8s Ingress " + Yamls.name(ingress) + ": backends may only be "
                            + ServiceModule.GATEWAY + " port " + gateway.map(ServiceModule::port).orElse(null)
                            + ", found " + svc + ":" + port);
                }
            }
        }
        return problems;
    }

    /**
     * Secret {@value #SECRET}: exists (when {@code required}), placeholders marked CHANGE-ME, and the KEDA
     * connection URL agrees with the database password and the ConfigMap's user/database.
     */
    static List<String> secretProblems(List<Map<String, Object>> objects, boolean required) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> secret = single(objects, "Secret", SECRET);
        if (secret == null) {
            return required ? List.of("k8s: Secret " + SECRET + " missing") : List.of();
        }
        Map<String, String> data = secretData(secret);
        for (String key : List.of("admin-key", "internal-token", "db-password", "db-connection", "s3-access-key",
                "s3-secret-key")) {
            if (!data.containsKey(key)) {
                problems.add("k8s Secret " + SECRET + ": key " + key + " missing");
            }
        }
        if (required) {
            data.forEach((k, v) -> {
                if (!v.contains(PLACEHOLDER)) {
                    problems.add("k8s Secret " + SECRET + ": base value of " + k + " must be a " + PLACEHOLDER
                            + " placeholder");
                }
            });
        }
        String connection = data.get("db-connection");
        Map<String, Object> config = single(objects, "ConfigMap", CONFIG);
        if (connection != null && config != null) {
            try {
                URI uri = URI.create(connection);
                String[] userInfo = String.valueOf(uri.getUserInfo()).split(":", 2);
                Matcher jdbc = JDBC.matcher(String.valueOf(Yamls.mapAt(config, "data").get("SPRING_DATASOURCE_URL")));
                if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
                    problems.add("k8s Secret " + SECRET + ": db-connection must be a postgresql:// URL");
                }
                if (!userInfo[0].equals(Yamls.text(Yamls.mapAt(config, "data").get("SPRING_DATASOURCE_USERNAME")))) {
                    problems.add("k8s Secret " + SECRET + ": db-connection user differs from SPRING_DATASOURCE_USERNAME");
                }
                if (userInfo.length < 2 || !userInfo[1].equals(data.get("db-password"))) {
                    problems.add("k8s Secret " + SECRET + ": db-connection password differs from db-password");
                }
                if (jdbc.matches()) {
                    if (!uri.getPath().equals("/" + jdbc.group(3))) {
                        problems.add("k8s Secret " + SECRET + ": db-connection database differs from SPRING_DATASOURCE_URL");
                    }
                    String host = uri.getHost();
                    if (host == null || !(host.equals(jdbc.group(1)) || host.startsWith(jdbc.group(1) + "."))) {
                        problems.add("k8s Secret " + SECRET + ": db-connection host " + host
                                + " is not the SPRING_DATASOURCE_URL host " + jdbc.group(1));
                    } else if (!host.contains(".")) {
                        problems.add("k8s Secret " + SECRET + ": db-connection host must be fully qualified"
                                + " (KEDA connects from its own namespace)");
                    }
                }
            } catch (RuntimeException e) {
                problems.add("k8s Secret " + SECRET + ": db-connection is not a URL: " + e.getMessage());
            }
        }
        return problems;
    }

    static Map<String, String> secretData(Map<String, Object> secret) {
        Map<String, String> data = new LinkedHashMap<>();
        Yamls.mapAt(secret, "data").forEach((k, v) -> data.put(k,
                new String(Base64.getDecoder().decode(String.valueOf(v)), StandardCharsets.UTF_8)));
        Yamls.mapAt(secret, "stringData").forEach((k, v) -> data.put(k, Yamls.text(v)));
        return data;
    }

    // ---------------------------------------------------------------------------- compose <-> k8s agreement

    /** Same variable names in compose and Kubernetes for every service (except the compose-only ones). */
    static List<String> envConsistencyProblems(List<ServiceModule> services, Map<String, Object> compose,
            List<Map<String, Object>> baseObjects) {
        List<String> problems = new ArrayList<>();
        for (ServiceModule s : services) {
            Object svc = Yamls.at(compose, "services", s.module());
            Map<String, Object> deployment = single(baseObjects, "Deployment", s.module());
            Map<String, Object> container = deployment == null ? null : container(deployment, CONTAINER);
            if (!(svc instanceof Map<?, ?>) || container == null) {
                continue; // reported by the compose and base rules
            }
            Set<String> composeNames = new TreeSet<>(composeEnv(Yamls.map(svc)).keySet());
            composeNames.removeAll(COMPOSE_ONLY_ENV);
            Set<String> k8sNames = new TreeSet<>(k8sEnv("", container, baseObjects, new ArrayList<>()).keySet());
            Set<String> onlyCompose = new TreeSet<>(composeNames);
            onlyCompose.removeAll(k8sNames);
            Set<String> onlyK8s = new TreeSet<>(k8sNames);
            onlyK8s.removeAll(composeNames);
            if (!onlyCompose.isEmpty()) {
                problems.add(s.module() + ": environment only in docker-compose.yml, not in k8s/base: " + onlyCompose);
            }
            if (!onlyK8s.isEmpty()) {
                problems.add(s.module() + ": environment only in k8s/base, not in docker-compose.yml: " + onlyK8s);
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------------- overlays

    /**
     * KEDA: every method service has exactly one ScaledObject targeting its Deployment, polling its own
     * schema's queue, 1..4 replicas, credentials from a TriggerAuthentication; nothing else is targeted, and
     * no Deployment has both a ScaledObject and an HPA.
     */
    static List<String> scaledObjectProblems(String where, List<ServiceModule> services,
            List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> scaled = objects.stream().filter(o -> "ScaledObject".equals(Yamls.kind(o))).toList();
        Map<String, ServiceModule> methods = new LinkedHashMap<>();
        services.stream().filter(s -> !s.isGateway()).forEach(s -> methods.put(s.module(), s));
        for (Map<String, Object> so : scaled) {
            String target = Yamls.textAt(so, "spec", "scaleTargetRef", "name");
            if (!methods.containsKey(target)) {
                problems.add(where + ": ScaledObject " + Yamls.name(so) + " targets " + target
                        + ", which is not a method service module");
            }
        }
        for (ServiceModule s : methods.values()) {
            List<Map<String, Object>> mine = scaled.stream()
                    .filter(o -> s.module().equals(Yamls.textAt(o, "spec", "scaleTargetRef", "name"))).toList();
            if (mine.size() != 1) {
                problems.add(where + ": expected exactly one ScaledObject for " + s.module() + ", found " + mine.size()
                        + " (render k8s/templates/scaledobject.yaml.tmpl)");
                continue;
            }
            Map<String, Object> so = mine.get(0);
            String w = where + ": ScaledObject " + Yamls.name(so);
            if (!"keda.sh/v1alpha1".equals(Yamls.textAt(so, "apiVersion"))) {
                problems.add(w + ": apiVersion must be keda.sh/v1alpha1");
            }
            String targetKind = Yamls.textAt(so, "spec", "scaleTargetRef", "kind");
            if (targetKind != null && !"Deployment".equals(targetKind)) {
                problems.add(w + ": must scale the Deployment");
            }
            if (named(objects, "Deployment", s.module()).isEmpty()) {
                problems.add(w + ": Deployment " + s.module() + " does not exist here");
            }
            if (!Integer.valueOf(1).equals(Yamls.at(so, "spec", "minReplicaCount"))
                    || !Integer.valueOf(4).equals(Yamls.at(so, "spec", "maxReplicaCount"))) {
                problems.add(w + ": minReplicaCount must be 1 and maxReplicaCount 4");
            }
            List<Object> pg = Yamls.listAt(so, "spec", "triggers").stream()
                    .filter(t -> "postgresql".equals(Yamls.textAt(t, "type"))).toList();
            if (pg.size() != 1) {
                problems.add(w + ": needs exactly one postgresql trigger, found " + pg.size());
            } else {
                Object trigger = pg.get(0);
                String expected = "SELECT count(*) FROM " + s.schema() + ".job WHERE state='QUEUED'";
                String query = Yamls.textAt(trigger, "metadata", "query");
                if (query == null || !normalizeSql(query).equals(normalizeSql(expected))) {
                    problems.add(w + ": query must be \"" + expected + "\", is \"" + query + "\"");
                }
                Object target = Yamls.at(trigger, "metadata", "targetQueryValue");
                if (!"2".equals(target)) {
                    problems.add(w + ": targetQueryValue must be the string \"2\", is " + target
                            + (target instanceof String ? "" : " (not a string)"));
                }
                problems.addAll(triggerAuthProblems(w, Yamls.mapAt(trigger, "authenticationRef"), objects));
            }
            objects.stream().filter(o -> "HorizontalPodAutoscaler".equals(Yamls.kind(o)))
                    .filter(o -> s.module().equals(Yamls.textAt(o, "spec", "scaleTargetRef", "name")))
                    .forEach(o -> problems.add(where + ": Deployment " + s.module()
                            + " has both a ScaledObject and HPA " + Yamls.name(o) + "; KEDA must replace the HPA"));
        }
        return problems;
    }

    private static List<String> triggerAuthProblems(String where, Map<String, Object> ref,
            List<Map<String, Object>> objects) {
        String name = Yamls.text(ref.get("name"));
        if (name == null) {
            return List.of(where + ": postgresql trigger needs an authenticationRef");
        }
        String kind = Objects.toString(Yamls.text(ref.get("kind")), "TriggerAuthentication");
        Map<String, Object> auth = single(objects, kind, name);
        if (auth == null) {
            return List.of(where + ": authenticationRef " + kind + " " + name + " does not exist");
        }
        List<String> problems = new ArrayList<>();
        List<Object> refs = Yamls.listAt(auth, "spec", "secretTargetRef").stream()
                .filter(r -> "connection".equals(Yamls.textAt(r, "parameter"))).toList();
        if (refs.size() != 1) {
            problems.add(where + ": " + kind + " " + name + " must map parameter 'connection' from a Secret");
        } else {
            String secretName = Yamls.textAt(refs.get(0), "name");
            String key = Yamls.textAt(refs.get(0), "key");
            Map<String, Object> secret = single(objects, "Secret", secretName);
            // in prod the Secret is provided outside the manifests
            if (secret != null && !secretData(secret).containsKey(key)) {
                problems.add(where + ": Secret " + secretName + " has no key " + key);
            }
        }
        return problems;
    }

    static String normalizeSql(String sql) {
        String s = sql.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return s.endsWith(";") ? s.substring(0, s.length() - 1).trim() : s;
    }

    /** Patches of the gpu overlay selecting {@code trustml.io/accelerator=gpu-capable} Deployments. */
    static List<Kustomize.Patch> gpuPatches(List<Kustomize.Patch> patches) {
        return patches.stream().filter(p -> !p.isDelete())
                .filter(p -> "Deployment".equals(p.targetKind()))
                .filter(p -> p.targetLabelSelector() != null)
                .filter(p -> Kustomize.matchesLabelSelector(p.targetLabelSelector(), Map.of(GPU_LABEL, GPU_CAPABLE))
                        && !Kustomize.matchesLabelSelector(p.targetLabelSelector(), Map.of()))
                .toList();
    }

    /** The gpu patch itself: GPU in limits (not requests), node selector, NoSchedule toleration, device env. */
    static List<String> gpuPatchProblems(List<Kustomize.Patch> patches) {
        List<Kustomize.Patch> gpu = gpuPatches(patches);
        if (gpu.size() != 1) {
            return List.of("gpu overlay: expected one patch with target kind Deployment, labelSelector "
                    + GPU_LABEL + "=" + GPU_CAPABLE + "; found " + gpu.size());
        }
        Map<String, Object> content = gpu.get(0).content();
        String where = "gpu patch " + gpu.get(0).origin().getFileName();
        List<String> problems = new ArrayList<>(podSpecGpuProblems(where, Yamls.mapAt(content, "spec", "template", "spec")));
        if (Yamls.listAt(content, "spec", "template", "spec", "containers").size() != 1) {
            problems.add(where + ": must patch exactly the container '" + CONTAINER + "'");
        }
        return problems;
    }

    private static List<String> podSpecGpuProblems(String where, Map<String, Object> podSpec) {
        List<String> problems = new ArrayList<>();
        Object node = Yamls.mapAt(podSpec, "nodeSelector").get(GPU_NODE_LABEL);
        if (!"true".equals(node)) {
            problems.add(where + ": nodeSelector " + GPU_NODE_LABEL + " must be the string \"true\", is " + node
                    + (node instanceof String || node == null ? "" : " (" + node.getClass().getSimpleName() + ")"));
        }
        boolean tolerates = Yamls.listAt(podSpec, "tolerations").stream().anyMatch(t ->
                GPU_RESOURCE.equals(Yamls.textAt(t, "key")) && "Exists".equals(Yamls.textAt(t, "operator"))
                        && "NoSchedule".equals(Yamls.textAt(t, "effect")));
        if (!tolerates) {
            problems.add(where + ": needs toleration key " + GPU_RESOURCE + ", operator Exists, effect NoSchedule");
        }
        Map<String, Object> container = null;
        for (Object c : Yamls.listAt(podSpec, "containers")) {
            if (CONTAINER.equals(Yamls.textAt(c, "name"))) {
                container = Yamls.map(c);
            }
        }
        if (container == null) {
            problems.add(where + ": no container '" + CONTAINER + "'");
            return problems;
        }
        Object limit = Yamls.mapAt(container, "resources", "limits").get(GPU_RESOURCE);
        if (!"1".equals(Yamls.text(limit))) {
            problems.add(where + ": resources.limits[\"" + GPU_RESOURCE + "\"] must be 1, is " + limit);
        }
        if (Yamls.mapAt(container, "resources", "requests").containsKey(GPU_RESOURCE)) {
            problems.add(where + ": " + GPU_RESOURCE + " belongs in limits only, not requests");
        }
        boolean device = Yamls.listAt(container, "env").stream().anyMatch(e ->
                DEVICE_ENV.equals(Yamls.textAt(e, "name")) && "gpu".equals(Yamls.textAt(e, "value")));
        if (!device) {
            problems.add(where + ": env " + DEVICE_ENV + "=gpu missing");
        }
        return problems;
    }

    /** Output of the gpu overlay: every gpu-capable Deployment got the GPU, no other one did. */
    static List<String> gpuRenderedProblems(List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> d : objects) {
            if (!"Deployment".equals(Yamls.kind(d))) {
                continue;
            }
            if (GPU_CAPABLE.equals(Yamls.labels(d).get(GPU_LABEL))) {
                problems.addAll(podSpecGpuProblems("gpu overlay Deployment " + Yamls.name(d),
                        Yamls.mapAt(d, "spec", "template", "spec")));
            } else if (Yamls.containsText(d, GPU_RESOURCE)) {
                problems.add("gpu overlay Deployment " + Yamls.name(d) + " is not " + GPU_CAPABLE + " but mentions "
                        + GPU_RESOURCE);
            }
        }
        return problems;
    }

    static List<String> noGpuProblems(String where, List<Map<String, Object>> objects) {
        return objects.stream().filter(o -> Yamls.containsText(o, GPU_RESOURCE))
                .map(o -> where + ": " + Yamls.id(o) + " mentions " + GPU_RESOURCE).toList();
    }

    /** Images: no MinIO; our images are trustml/<module>:<tag> with the module the workload is named after. */
    static List<String> imageProblems(String where, List<ServiceModule> services, List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>();
        Map<String, ServiceModule> byModule = new LinkedHashMap<>();
        services.forEach(s -> byModule.put(s.module(), s));
        for (Map<String, Object> o : objects) {
            if (!WORKLOADS.contains(Yamls.kind(o))) {
                continue;
            }
            Map<String, Object> podSpec = Yamls.mapAt(o, "spec", "template", "spec");
            List<Object> containers = new ArrayList<>(Yamls.listAt(podSpec, "containers"));
            containers.addAll(Yamls.listAt(podSpec, "initContainers"));
            for (Object c : containers) {
                String image = String.valueOf(Yamls.textAt(c, "image"));
                if (image.toLowerCase(Locale.ROOT).contains("minio")) {
                    problems.add(where + ": " + Yamls.id(o) + " uses " + image + " — MinIO is not used");
                }
                ServiceModule owner = byModule.get(Yamls.name(o));
                if (owner != null && CONTAINER.equals(Yamls.textAt(c, "name")) && !isOwnImage(image, owner)) {
                    problems.add(where + ": " + Yamls.id(o) + " image must be " + owner.imageRepository()
                            + ":<tag>, is " + image);
                }
                if (image.startsWith("trustml/")) {
                    String repo = image.contains(":") ? image.substring(8, image.indexOf(':')) : image.substring(8);
                    ServiceModule module = byModule.get(repo);
                    if (module == null || !isOwnImage(image, module)) {
                        problems.add(where + ": " + Yamls.id(o) + " image " + image
                                + " is not trustml/<existing module>:<tag>");
                    }
                }
            }
        }
        return problems;
    }

    static List<String> uniqueIdProblems(String where, List<Map<String, Object>> objects) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            if (!seen.add(Yamls.id(o))) {
                problems.add(where + ": duplicate " + Yamls.id(o));
            }
        }
        return problems;
    }

    /**
     * Every namespaced object lands in one and the same namespace. Kustomize's namespace field only reaches
     * the objects of its own kustomization and what it includes, so an overlay adding objects must set it too.
     */
    static List<String> namespaceProblems(String where, List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>();
        Set<String> namespaces = new TreeSet<>();
        for (Map<String, Object> o : objects) {
            if (Kustomize.CLUSTER_SCOPED.contains(Yamls.kind(o))) {
                continue;
            }
            String ns = Yamls.textAt(o, "metadata", "namespace");
            if (ns == null || ns.isBlank()) {
                problems.add(where + ": " + Yamls.id(o) + " has no namespace (set namespace: in the kustomization)");
            } else {
                namespaces.add(ns);
            }
        }
        if (namespaces.size() > 1) {
            problems.add(where + ": objects spread over namespaces " + namespaces);
        }
        return problems;
    }

    /** Local overlay: in-cluster PostgreSQL 18 and SeaweedFS behind the hosts the ConfigMap names; no autoscalers. */
    static List<String> localProblems(List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>();
        objects.stream().filter(o -> Set.of("HorizontalPodAutoscaler", "ScaledObject").contains(Yamls.kind(o)))
                .forEach(o -> problems.add("local overlay: no autoscaling expected, found " + Yamls.id(o)));
        Map<String, Object> data = Yamls.mapAt(single(objects, "ConfigMap", CONFIG), "data");
        Matcher jdbc = JDBC.matcher(String.valueOf(data.get("SPRING_DATASOURCE_URL")));
        if (!jdbc.matches()) {
            problems.add("local overlay: SPRING_DATASOURCE_URL is not a PostgreSQL JDBC URL");
        } else {
            String url = "http://" + jdbc.group(1) + ":" + Objects.toString(jdbc.group(2), "5432");
            problems.addAll(backingWorkloadProblems("local overlay SPRING_DATASOURCE_URL", url, "postgres:18", objects));
        }
        problems.addAll(backingWorkloadProblems("local overlay TRUSTML_ARTIFACTS_S3_ENDPOINT",
                String.valueOf(data.get("TRUSTML_ARTIFACTS_S3_ENDPOINT")), "chrislusf/seaweedfs", objects));
        Map<String, Object> gateway = single(objects, "Service", ServiceModule.GATEWAY);
        if (gateway == null || !"NodePort".equals(Yamls.textAt(gateway, "spec", "type"))) {
            problems.add("local overlay: Service " + ServiceModule.GATEWAY + " must be type NodePort");
        }
        problems.addAll(secretProblems(objects, true));
        return problems;
    }

    private static List<String> backingWorkloadProblems(String where, String url, String imagePrefix,
            List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>(urlResolvesProblems(where, url, objects));
        if (!problems.isEmpty()) {
            return problems;
        }
        Map<String, Object> svc = single(objects, "Service", URI.create(url).getHost().split("\\.")[0]);
        Map<String, Object> selector = Yamls.mapAt(svc, "spec", "selector");
        boolean backed = objects.stream().filter(o -> WORKLOADS.contains(Yamls.kind(o)))
                .filter(o -> !selector.isEmpty() && subset(selector, Yamls.mapAt(o, "spec", "template", "metadata", "labels")))
                .flatMap(o -> Yamls.listAt(o, "spec", "template", "spec", "containers").stream())
                .anyMatch(c -> String.valueOf(Yamls.textAt(c, "image")).startsWith(imagePrefix));
        if (!backed) {
            problems.add(where + ": Service " + Yamls.name(svc) + " is not backed by a " + imagePrefix + " workload");
        }
        return problems;
    }

    /** Prod overlay: a PodDisruptionBudget per Deployment, external endpoints, no placeholder Secret, no in-cluster stores. */
    static List<String> prodProblems(List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> pdbs = objects.stream().filter(o -> "PodDisruptionBudget".equals(Yamls.kind(o))).toList();
        for (Map<String, Object> d : objects) {
            if (!"Deployment".equals(Yamls.kind(d))) {
                continue;
            }
            Map<String, Object> podLabels = Yamls.mapAt(d, "spec", "template", "metadata", "labels");
            long covering = pdbs.stream().filter(p -> {
                Map<String, Object> sel = Yamls.mapAt(p, "spec", "selector", "matchLabels");
                return !sel.isEmpty() && subset(sel, podLabels);
            }).count();
            if (covering != 1) {
                problems.add("prod overlay: Deployment " + Yamls.name(d) + " needs exactly one PodDisruptionBudget, has "
                        + covering + " (render k8s/templates/pdb.yaml.tmpl)");
            }
        }
        for (Map<String, Object> p : pdbs) {
            if (!"policy/v1".equals(Yamls.textAt(p, "apiVersion"))
                    || (Yamls.at(p, "spec", "maxUnavailable") == null && Yamls.at(p, "spec", "minAvailable") == null)) {
                problems.add("prod overlay: PodDisruptionBudget " + Yamls.name(p)
                        + " must be policy/v1 with maxUnavailable or minAvailable");
            }
        }
        for (Map<String, Object> o : objects) {
            if ("Secret".equals(Yamls.kind(o)) && secretData(o).values().stream().anyMatch(v -> v.contains(PLACEHOLDER))) {
                problems.add("prod overlay: Secret " + Yamls.name(o) + " still has " + PLACEHOLDER + " values");
            }
            if (WORKLOADS.contains(Yamls.kind(o)) && Yamls.listAt(o, "spec", "template", "spec", "containers").stream()
                    .map(c -> String.valueOf(Yamls.textAt(c, "image")))
                    .anyMatch(i -> i.startsWith("postgres:") || i.startsWith("chrislusf/seaweedfs"))) {
                problems.add("prod overlay: " + Yamls.id(o) + " runs a database/S3 server; prod uses external ones");
            }
        }
        Map<String, Object> data = Yamls.mapAt(single(objects, "ConfigMap", CONFIG), "data");
        for (String key : List.of("SPRING_DATASOURCE_URL", "TRUSTML_ARTIFACTS_S3_ENDPOINT")) {
            String value = String.valueOf(data.get(key));
            String host = value.replaceFirst("^jdbc:", "");
            try {
                host = URI.create(host).getHost();
            } catch (RuntimeException e) {
                host = null;
            }
            if (host == null || !host.contains(".")) {
                problems.add("prod overlay: " + key + " must name an external (fully qualified) host, is " + value);
            }
        }
        return problems;
    }

    // --------------------------------------------------------------------------------------------- helpers

    static List<Map<String, Object>> named(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(Yamls.kind(o)) && name.equals(Yamls.name(o))).toList();
    }

    static Map<String, Object> single(List<Map<String, Object>> objects, String kind, String name) {
        List<Map<String, Object>> found = named(objects, kind, name);
        return found.size() == 1 ? found.get(0) : null;
    }

    static Map<String, Object> container(Map<String, Object> workload, String name) {
        for (Object c : Yamls.listAt(workload, "spec", "template", "spec", "containers")) {
            if (name.equals(Yamls.textAt(c, "name"))) {
                return Yamls.map(c);
            }
        }
        return null;
    }

    static boolean subset(Map<String, Object> small, Map<String, Object> big) {
        return small.entrySet().stream().allMatch(e -> Objects.equals(Yamls.text(e.getValue()), Yamls.text(big.get(e.getKey()))));
    }
}
