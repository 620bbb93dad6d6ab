package org.trustml.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The repository under test: where it is, which service modules it has and their ports. */
final class Repo {

    static final String ROOT_PROPERTY = "trustml.repo.root";

    final Path root;

    Repo(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The repository root: system property {@value #ROOT_PROPERTY} (set by this module's surefire
     * configuration), otherwise the nearest directory upwards from the working directory that has a
     * {@code pom.xml} next to a {@code deployment-check} directory.
     */
    static Repo locate() {
        String property = System.getProperty(ROOT_PROPERTY);
        if (property != null && !property.isBlank()) {
            return new Repo(Path.of(property));
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("deployment-check"))) {
                return new Repo(dir);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root not found from " + Path.of("").toAbsolutePath()
                + "; set -D" + ROOT_PROPERTY + "=<path>");
    }

    /** Directory names {@code *-service} at the root that contain a {@code pom.xml}, sorted. */
    List<String> serviceModuleNames() {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().endsWith(ServiceModule.SUFFIX))
                    .filter(p -> Files.isRegularFile(p.resolve("pom.xml")))
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every service module with its port. Fails, naming the files, when an {@code application.yml}
     * is missing or has no {@code server.port}.
     */
    List<ServiceModule> services() {
        List<ServiceModule> services = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String module : serviceModuleNames()) {
            Path yml = applicationYml(module);
            if (!Files.isRegularFile(yml)) {
                problems.add(module + ": " + root.relativize(yml)
                        + " does not exist; it must set server.port (the port compose, k8s and the Dockerfile use)");
                continue;
            }
            try {
                services.add(new ServiceModule(module, serverPort(Yamls.loadAll(yml))));
            } catch (RuntimeException e) {
                problems.add(module + ": " + root.relativize(yml) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
        return services;
    }

    Path applicationYml(String module) {
        return root.resolve(module).resolve("src/main/resources/application.yml");
    }

    /**
     * {@code server.port} of the default profile: the first document without
     * {@code spring.config.activate.on-profile} that sets it, nested ({@code server: {port: …}}) or flat
     * ({@code server.port: …}); placeholders resolve to their default.
     */
    static int serverPort(List<Object> documents) {
        for (Object doc : documents) {
            if (!(doc instanceof Map<?, ?>)) {
                continue;
            }
            Map<String, Object> map = Yamls.map(doc);
            if (Yamls.at(map, "spring", "config", "activate", "on-profile") != null
                    || map.containsKey("spring.config.activate.on-profile")) {
                continue;
            }
            Object port = Yamls.at(map, "server", "port");
            if (port == null) {
                port = map.get("server.port");
            }
            if (port != null) {
                String resolved = Placeholders.springDefault(String.valueOf(port)).trim();
                try {
                    int value = Integer.parseInt(resolved);
                    if (value < 1 || value > 65535) {
                        throw new IllegalArgumentException("server.port out of range: " + port);
                    }
                    return value;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("server.port is not a number: " + port);
                }
            }
        }
        throw new IllegalArgumentException("no server.port in the default profile");
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
