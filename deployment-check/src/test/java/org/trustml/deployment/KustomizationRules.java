package org.trustml.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** File-level rules for {@code k8s/}: every YAML parses, kustomizations list exactly the files that exist. */
final class KustomizationRules {

    private static final Set<String> DEPRECATED = Set.of("bases", "commonLabels", "patchesStrategicMerge",
            "patchesJson6902", "vars", "imageTags");

    private KustomizationRules() {
    }

    /** Every {@code .yaml}/{@code .yml} file parses; every document is an object with apiVersion, kind and a name. */
    static List<String> shapeProblems(Path k8sRoot) {
        List<String> problems = new ArrayList<>();
        for (Path file : yamlFiles(k8sRoot)) {
            String where = k8sRoot.getParent().relativize(file).toString();
            List<Object> docs;
            try {
                docs = Yamls.loadAll(file);
            } catch (RuntimeException e) {
                problems.add(where + ": " + e.getMessage());
                continue;
            }
            if (docs.isEmpty()) {
                problems.add(where + ": no YAML document");
            }
            for (Object doc : docs) {
                if (!(doc instanceof Map<?, ?>)) {
                    problems.add(where + ": a document is not a mapping");
                    continue;
                }
                Map<String, Object> object = Yamls.map(doc);
                String kind = Yamls.kind(object);
                if (Yamls.textAt(object, "apiVersion") == null || kind == null) {
                    problems.add(where + ": a document has no apiVersion/kind");
                } else if (!Set.of("Kustomization", "Component").contains(kind) && Yamls.name(object) == null) {
                    problems.add(where + ": " + kind + " without metadata.name");
                }
            }
        }
        return problems;
    }

    /**
     * For every kustomization under {@code k8sRoot}: valid apiVersion/kind, no deprecated fields, every listed
     * resource/component/patch exists, and every YAML file below it (outside nested kustomizations) is listed.
     */
    static List<String> integrityProblems(Path k8sRoot) {
        List<String> problems = new ArrayList<>();
        Path repo = k8sRoot.getParent();
        for (Path dir : Kustomize.kustomizationDirs(k8sRoot)) {
            String where = repo.relativize(Kustomize.kustomizationFile(dir)).toString();
            Map<String, Object> k;
            try {
                k = Kustomize.loadKustomization(dir);
            } catch (RuntimeException e) {
                problems.add(where + ": " + e.getMessage());
                continue;
            }
            String api = Yamls.textAt(k, "apiVersion");
            String kind = Yamls.kind(k);
            boolean kustomization = "kustomize.config.k8s.io/v1beta1".equals(api) && "Kustomization".equals(kind);
            boolean component = "kustomize.config.k8s.io/v1alpha1".equals(api) && "Component".equals(kind);
            if (!kustomization && !component) {
                problems.add(where + ": must be kustomize.config.k8s.io/v1beta1 Kustomization or v1alpha1 Component");
            }
            k.keySet().stream().filter(DEPRECATED::contains)
                    .forEach(f -> problems.add(where + ": deprecated field '" + f + "'"));
            Set<Path> referenced = new HashSet<>();
            for (Object entry : Yamls.listAt(k, "resources")) {
                Path path = dir.resolve(String.valueOf(entry)).normalize();
                if (Files.isDirectory(path)) {
                    if (Kustomize.kustomizationFile(path) == null) {
                        problems.add(where + ": resource directory " + entry + " has no kustomization.yaml");
                    }
                } else if (Files.isRegularFile(path)) {
                    referenced.add(path);
                } else {
                    problems.add(where + ": resource " + entry + " does not exist");
                }
            }
            for (Object entry : Yamls.listAt(k, "components")) {
                Path path = dir.resolve(String.valueOf(entry)).normalize();
                if (!Files.isDirectory(path) || Kustomize.kustomizationFile(path) == null) {
                    problems.add(where + ": component " + entry + " is not a directory with a kustomization.yaml");
                } else if (!"Component".equals(Yamls.kind(Kustomize.loadKustomization(path)))) {
                    problems.add(where + ": component " + entry + " is not kind: Component");
                }
            }
            for (Object entry : Yamls.listAt(k, "patches")) {
                Object path = Yamls.at(entry, "path");
                if (path != null) {
                    Path file = dir.resolve(String.valueOf(path)).normalize();
                    if (Files.isRegularFile(file)) {
                        referenced.add(file);
                    } else {
                        problems.add(where + ": patch " + path + " does not exist");
                    }
                } else if (Yamls.at(entry, "patch") == null) {
                    problems.add(where + ": a patch has neither path nor patch");
                }
            }
            for (Path file : ownYamlFiles(dir)) {
                if (!referenced.contains(file.normalize())) {
                    problems.add(where + ": " + dir.relativize(file) + " exists but is not listed under resources"
                            + " or patches");
                }
            }
        }
        return problems;
    }

    /** YAML files under dir, without kustomization files and without subtrees that have their own kustomization. */
    private static List<Path> ownYamlFiles(Path dir) {
        List<Path> result = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                if (Files.isDirectory(child)) {
                    if (Kustomize.kustomizationFile(child) == null) {
                        result.addAll(ownYamlFiles(child));
                    }
                } else if (isYaml(child) && !Kustomize.FILE_NAMES.contains(child.getFileName().toString())) {
                    result.add(child);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    static List<Path> yamlFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(KustomizationRules::isYaml).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
