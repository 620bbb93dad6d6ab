package org.trustml.deployment;

/**
 * Resolves placeholders to the value they have when nothing is set in the environment.
 * <ul>
 * <li>Spring ({@code application.yml}): {@code ${NAME:default}}, nested defaults allowed; no default → error.</li>
 * <li>Compose ({@code docker-compose.yml}): {@code ${NAME:-default}}, {@code ${NAME-default}},
 * {@code ${NAME:?error}} / {@code ${NAME?error}} (→ error), {@code ${NAME}} and {@code $NAME} (→ empty),
 * {@code $$} (→ {@code $}).</li>
 * </ul>
 */
final class Placeholders {

    private Placeholders() {
    }

    static String springDefault(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            if (start < 0) {
                out.append(value, i, value.length());
                break;
            }
            out.append(value, i, start);
            int end = closingBrace(value, start + 2);
            String body = value.substring(start + 2, end);
            int colon = topLevelColon(body);
            if (colon < 0) {
                throw new IllegalArgumentException("placeholder without default: ${" + body + "} in '" + value + "'");
            }
            out.append(springDefault(body.substring(colon + 1)));
            i = end + 1;
        }
        return out.toString();
    }

    static String composeDefault(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < value.length() && value.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            if (i + 1 < value.length() && value.charAt(i + 1) == '{') {
                int end = closingBrace(value, i + 2);
                out.append(composeExpression(value.substring(i + 2, end), value));
                i = end + 1;
                continue;
            }
            int j = i + 1;
            while (j < value.length() && (Character.isLetterOrDigit(value.charAt(j)) || value.charAt(j) == '_')) {
                j++;
            }
            i = j; // $NAME: unset → empty
        }
        return out.toString();
    }

    private static String composeExpression(String body, String whole) {
        int k = 0;
        while (k < body.length() && (Character.isLetterOrDigit(body.charAt(k)) || body.charAt(k) == '_')) {
            k++;
        }
        String rest = body.substring(k);
        if (rest.isEmpty()) {
            return "";
        }
        if (rest.startsWith(":-") || rest.startsWith(":=")) {
            return composeDefault(rest.substring(2));
        }
        if (rest.startsWith("-") || rest.startsWith("=")) {
            return composeDefault(rest.substring(1));
        }
        if (rest.startsWith(":?") || rest.startsWith("?")) {
            throw new IllegalArgumentException("required variable without default: ${" + body + "} in '" + whole + "'");
        }
        if (rest.startsWith(":+") || rest.startsWith("+")) {
            return ""; // alternative value only when set
        }
        throw new IllegalArgumentException("unsupported interpolation ${" + body + "} in '" + whole + "'");
    }

    private static int closingBrace(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed placeholder in '" + s + "'");
    }

    private static int topLevelColon(String body) {
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
