package org.trustml.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A small subset of Kustomize, enough to check what an overlay produces without the kustomize binary:
 * {@code resources} (files and directories), {@code components}, {@code namespace} and strategic-merge
 * {@code patches} (file or inline, with or without {@code target}; {@code $patch: delete}). Lists merge by
 * their Kubernetes merge key (containers, env, volumes by name; ports; volumeMounts by mountPath) and are
 * replaced otherwise. Anything else the manifests might start to use (generators, JSON 6902 patches,
 * replacements, images, ...) is rejected, so the checks never silently look at the wrong output.
 */
final class Kustomize {

    static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "metadata", "resources",
            "components", "patches", "namespace");

    static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "PersistentVolume", "StorageClass", "CustomResourceDefinition", "PriorityClass", "IngressClass",
            "ClusterTriggerAuthentication", "RuntimeClass");

    /** One patch as written, with the file or kustomization it came from. */
    record Patch(Path origin, Map<String, Object> target, Map<String, Object> content) {

        boolean isDelete() {
            return "delete".equals(content.get("$patch"));
        }

        String targetLabelSelector() {
            return target == null ? null : Yamls.text(target.get("labelSelector"));
        }

        String targetKind() {
            return target == null ? Yamls.kind(content) : Yamls.text(target.get("kind"));
        }
    }

    /** Output of one kustomization directory. */
    record Rendered(Path dir, List<Map<String, Object>> objects, List<Patch> patches) {
    }

    private Kustomize() {
    }

    static Path kustomizationFile(Path dir) {
        for (String name : FILE_NAMES) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    static Map<String, Object> loadKustomization(Path dir) {
        Path file = kustomizationFile(dir);
        if (file == null) {
            throw new IllegalArgumentException("no kustomization file in " + dir);
        }
        return Yamls.map(Yamls.deepCopy(Yamls.load(readString(file))));
    }

    static Rendered render(Path dir) {
        return render(dir.toAbsolutePath().normalize(), new HashSet<>());
    }

    private static Rendered render(Path dir, Set<Path> visiting) {
        if (!visiting.add(dir)) {
            throw new IllegalStateException("kustomization cycle through " + dir);
        }
        Map<String, Object> k = loadKustomization(dir);
        for (String field : k.keySet()) {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new IllegalStateException(dir + ": kustomization field '" + field
                        + "' is not understood by deployment-check (Kustomize.java); extend it or avoid the field");
            }
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        List<Patch> applied = new ArrayList<>();
        for (Object entry : Yamls.listAt(k, "resources")) {
            Path path = dir.resolve(String.valueOf(entry)).normalize();
            if (Files.isDirectory(path)) {
                Rendered sub = render(path, visiting);
                objects.addAll(sub.objects());
                applied.addAll(sub.patches());
            } else if (Files.isRegularFile(path)) {
                objects.addAll(Yamls.objects(Yamls.loadAll(path)));
            } else {
                throw new IllegalStateException(dir + ": resource " + entry + " does not exist");
            }
        }
        for (Object entry : Yamls.listAt(k, "components")) {
            Path component = dir.resolve(String.valueOf(entry)).normalize();
            Map<String, Object> ck = loadKustomization(component);
            if (!"Component".equals(Yamls.kind(ck))) {
                throw new IllegalStateException(component + " is listed under components but is not kind: Component");
            }
            Rendered added = render(component, visiting);
            objects.addAll(added.objects());
            List<Patch> patches = patches(component, ck);
            apply(patches, objects);
            applied.addAll(patches);
        }
        List<Patch> own = "Component".equals(Yamls.kind(k)) ? List.of() : patches(dir, k);
        apply(own, objects);
        applied.addAll(own);
        String namespace = Yamls.textAt(k, "namespace");
        if (namespace != null) {
            for (Map<String, Object> object : objects) {
                if (!CLUSTER_SCOPED.contains(Yamls.kind(object))) {
                    metadata(object).put("namespace", namespace);
                }
            }
        }
        visiting.remove(dir);
        // a Component's own resources are returned unpatched; its patches apply in the including kustomization
        return new Rendered(dir, objects, applied);
    }

    static List<Patch> patches(Path dir, Map<String, Object> kustomization) {
        List<Patch> result = new ArrayList<>();
        for (Object entry : Yamls.listAt(kustomization, "patches")) {
            Map<String, Object> spec = Yamls.map(entry);
            Map<String, Object> target = spec.containsKey("target") ? Yamls.map(spec.get("target")) : null;
            List<Object> docs;
            Path origin;
            if (spec.get("path") != null) {
                origin = dir.resolve(String.valueOf(spec.get("path"))).normalize();
                if (!Files.isRegularFile(origin)) {
                    throw new IllegalStateException(dir + ": patch file " + spec.get("path") + " does not exist");
                }
                docs = Yamls.loadAll(origin);
            } else if (spec.get("patch") != null) {
                origin = kustomizationFile(dir);
                docs = Yamls.loadAll(String.valueOf(spec.get("patch")));
            } else {
                throw new IllegalStateException(dir + ": patch without path or patch: " + spec);
            }
            for (Object doc : docs) {
                if (!(doc instanceof Map<?, ?>)) {
                    throw new IllegalStateException(origin + ": only strategic-merge patches are understood, found "
                            + doc.getClass().getSimpleName() + " (a JSON 6902 patch?)");
                }
                result.add(new Patch(origin, target, Yamls.map(Yamls.deepCopy(doc))));
            }
        }
        return result;
    }

    static void apply(List<Patch> patches, List<Map<String, Object>> objects) {
        for (Patch patch : patches) {
            List<Map<String, Object>> targets = objects.stream().filter(o -> selects(patch, o)).toList();
            if (patch.target() == null && targets.isEmpty()) {
                throw new IllegalStateException(patch.origin() + ": patch for " + Yamls.id(patch.content())
                        + " matches no resource");
            }
            if (patch.isDelete()) {
                objects.removeIf(o -> targets.stream().anyMatch(t -> t == o));
                continue;
            }
            Map<String, Object> content = Yamls.map(Yamls.deepCopy(patch.content()));
            Map<String, Object> meta = content.get("metadata") instanceof Map<?, ?> m ? Yamls.map(m) : null;
            if (meta != null) {
                meta.remove("name"); // with a target, the patch's own name is ignored
                meta.remove("namespace");
            }
            for (int i = 0; i < objects.size(); i++) {
                Map<String, Object> object = objects.get(i);
                if (targets.stream().anyMatch(t -> t == object)) {
                    objects.set(i, Yamls.map(merge(object, content, "")));
                }
            }
        }
    }

    static boolean selects(Patch patch, Map<String, Object> object) {
        if (patch.target() == null) {
            return sameText(Yamls.kind(patch.content()), Yamls.kind(object))
                    && sameText(Yamls.name(patch.content()), Yamls.name(object));
        }
        return selects(patch.target(), object);
    }

    static boolean selects(Map<String, Object> target, Map<String, Object> object) {
        String kind = Yamls.text(target.get("kind"));
        if (kind != null && !kind.equals(Yamls.kind(object))) {
            return false;
        }
        String name = Yamls.text(target.get("name"));
        if (name != null && !Pattern.matches(name, String.valueOf(Yamls.name(object)))) {
            return false;
        }
        String apiVersion = String.valueOf(Yamls.textAt(object, "apiVersion"));
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        if (target.get("group") != null && !Yamls.text(target.get("group")).equals(group)) {
            return false;
        }
        if (target.get("version") != null && !Yamls.text(target.get("version")).equals(version)) {
            return false;
        }
        if (target.get("annotationSelector") != null) {
            throw new IllegalStateException("annotationSelector is not understood by deployment-check");
        }
        String selector = Yamls.text(target.get("labelSelector"));
        return selector == null || matchesLabelSelector(selector, Yamls.labels(object));
    }

    /** Equality-based selectors: {@code a=b}, {@code a==b}, {@code a!=b}, {@code a}, {@code !a}, comma separated. */
    static boolean matchesLabelSelector(String selector, Map<String, Object> labels) {
        for (String raw : selector.split(",")) {
            String term = raw.trim();
            if (term.isEmpty()) {
                continue;
            }
            if (term.contains(" in ") || term.contains(" notin ") || term.contains("(")) {
                throw new IllegalStateException("set-based selector not understood by deployment-check: " + selector);
            }
            boolean ok;
            if (term.contains("!=")) {
                String[] kv = term.split("!=", 2);
                ok = !kv[1].trim().equals(Yamls.text(labels.get(kv[0].trim())));
            } else if (term.contains("=")) {
                String[] kv = term.split("==?", 2);
                ok = kv[1].trim().equals(Yamls.text(labels.get(kv[0].trim())));
            } else if (term.startsWith("!")) {
                ok = !labels.containsKey(term.substring(1).trim());
            } else {
                ok = labels.containsKey(term);
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Strategic merge, simplified: maps merge, null deletes, keyed lists merge by key, other lists replace. */
    static Object merge(Object base, Object patch, String field) {
        if (patch instanceof Map<?, ?> pm) {
            if ("replace".equals(pm.get("$patch"))) {
                Map<String, Object> copy = Yamls.map(Yamls.deepCopy(pm));
                copy.remove("$patch");
                return copy;
            }
            Map<String, Object> result = base instanceof Map<?, ?> bm ? Yamls.map(Yamls.deepCopy(bm)) : new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : pm.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.startsWith("$")) {
                    continue;
                }
                if (e.getValue() == null) {
                    result.remove(key);
                } else {
                    result.put(key, merge(result.get(key), e.getValue(), key));
                }
            }
            return result;
        }
        if (patch instanceof List<?> pl && base instanceof List<?> bl) {
            String key = mergeKey(field, bl, pl);
            if (key == null) {
                return Yamls.deepCopy(pl);
            }
            List<Object> result = new ArrayList<>(Yamls.list(Yamls.deepCopy(bl)));
            for (Object item : pl) {
                Object id = Yamls.map(item).get(key);
                int index = -1;
                for (int i = 0; i < result.size(); i++) {
                    if (String.valueOf(id).equals(String.valueOf(Yamls.map(result.get(i)).get(key)))) {
                        index = i;
                    }
                }
                if (index < 0) {
                    // Kustomize prepends new elements of a merged list; the order does not matter to the checks
                    result.add(0, Yamls.deepCopy(item));
                } else {
                    result.set(index, merge(result.get(index), item, field));
                }
            }
            return result;
        }
        return Yamls.deepCopy(patch);
    }

    private static String mergeKey(String field, List<?> base, List<?> patch) {
        String key = switch (field) {
            case "containers", "initContainers", "env", "volumes", "imagePullSecrets" -> "name";
            case "volumeMounts" -> "mountPath";
            case "ports" -> base.stream().anyMatch(p -> p instanceof Map<?, ?> m && m.containsKey("containerPort"))
                    ? "containerPort" : "port";
            default -> null;
        };
        if (key == null) {
            return null;
        }
        for (Object item : patch) {
            if (!(item instanceof Map<?, ?> m) || !m.containsKey(key)) {
                return null;
            }
        }
        for (Object item : base) {
            if (!(item instanceof Map<?, ?>)) {
                return null;
            }
        }
        return key;
    }

    private static Map<String, Object> metadata(Map<String, Object> object) {
        Object meta = object.get("metadata");
        if (!(meta instanceof Map<?, ?>)) {
            Map<String, Object> created = new LinkedHashMap<>();
            object.put("metadata", created);
            return created;
        }
        return Yamls.map(meta);
    }

    private static boolean sameText(String a, String b) {
        return a != null && a.equals(b);
    }

    /** Every directory under root that holds a kustomization file. */
    static List<Path> kustomizationDirs(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isDirectory).filter(d -> kustomizationFile(d) != null).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
