package org.trustml.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** SnakeYAML loading (safe constructor: plain maps, lists and scalars only) and small navigation helpers. */
final class Yamls {

    private Yamls() {
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // duplicate keys are silently last-wins in Kubernetes/compose: refuse them
        return new Yaml(new SafeConstructor(options));
    }

    /** Every document of a file; empty documents (a lone {@code ---}) are skipped. */
    static List<Object> loadAll(Path file) {
        try {
            return loadAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("not valid YAML: " + file + ": " + e.getMessage(), e);
        }
    }

    static List<Object> loadAll(String text) {
        List<Object> docs = new ArrayList<>();
        for (Object doc : yaml().loadAll(text)) {
            if (doc != null) {
                docs.add(doc);
            }
        }
        return docs;
    }

    static Object load(String text) {
        List<Object> docs = loadAll(text);
        if (docs.size() != 1) {
            throw new IllegalArgumentException("expected one YAML document, found " + docs.size());
        }
        return docs.get(0);
    }

    /** Documents that are mappings (Kubernetes objects), as mutable deep copies. */
    static List<Map<String, Object>> objects(List<Object> docs) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object doc : docs) {
            if (doc instanceof Map<?, ?>) {
                result.add(map(deepCopy(doc)));
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a mapping, found " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?>)) {
            throw new IllegalArgumentException("expected a list, found " + describe(value));
        }
        return (List<Object>) value;
    }

    /** Follows mapping keys; null when a key is missing or an intermediate value is not a mapping. */
    static Object at(Object root, String... keys) {
        Object current = root;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    static Map<String, Object> mapAt(Object root, String... keys) {
        Object value = at(root, keys);
        return value instanceof Map<?, ?> ? map(value) : Map.of();
    }

    static List<Object> listAt(Object root, String... keys) {
        Object value = at(root, keys);
        return value instanceof List<?> ? list(value) : List.of();
    }

    /** Scalar as text (numbers and booleans too); null stays null. */
    static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    static String textAt(Object root, String... keys) {
        Object value = at(root, keys);
        return value instanceof Map<?, ?> || value instanceof List<?> ? null : text(value);
    }

    static String kind(Map<String, Object> object) {
        return textAt(object, "kind");
    }

    static String name(Map<String, Object> object) {
        return textAt(object, "metadata", "name");
    }

    static Map<String, Object> labels(Map<String, Object> object) {
        return mapAt(object, "metadata", "labels");
    }

    static String id(Map<String, Object> object) {
        String ns = textAt(object, "metadata", "namespace");
        return kind(object) + "/" + (ns == null ? "" : ns + "/") + name(object);
    }

    /** Mutable deep copy of maps and lists (YAML aliases become independent copies). */
    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    /** True when any key or scalar anywhere in the tree contains the text. */
    static boolean containsText(Object tree, String needle) {
        if (tree instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (String.valueOf(e.getKey()).contains(needle) || containsText(e.getValue(), needle)) {
                    return true;
                }
            }
            return false;
        }
        if (tree instanceof List<?> l) {
            return l.stream().anyMatch(v -> containsText(v, needle));
        }
        return tree != null && String.valueOf(tree).contains(needle);
    }

    private static String describe(Object value) {
        return Objects.toString(value == null ? null : value.getClass().getSimpleName()) + " " + value;
    }
}
