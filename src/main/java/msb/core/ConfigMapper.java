package msb.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one reader of user configuration (strategy configs, experiment specs, decide thresholds): YAML, or JSON
 * when the name ends in {@code .json}, bound by Jackson to typed records with unknown keys refused. A partial
 * file overlays defaults ({@link #overlay}): the defaults as a tree, the file merged over it section by section,
 * the result bound strictly (so an unknown key in the file is an unknown property of the record). Every refusal is one {@link UserInputException} naming
 * the file, the line, the field (dotted: {@code walk_forward.embargo_bars}) and the fix; an unknown key also
 * lists the known ones and the closest ("did you mean ...").
 */
public final class ConfigMapper {
    /** Json's names (snake_case), but strict: a typo or a truncated 2.5 never silently becomes a default or a 2. */
    private static final ObjectMapper STRICT = ((JsonMapper) Json.mapper()).rebuild()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .build();

    /** Made on first use: `decide` and other JSON-only paths should not pay for building the YAML reader at start-up. */
    private static final class Yaml {
        static final YAMLMapper MAPPER = new YAMLMapper();
    }

    private ConfigMapper() {}

    /**
     * Where a configuration came from: {@code name} starts every message; with {@code text}, messages name the
     * line of the field (a text read from a stream line by line passes none: its name already says the line).
     */
    public record Source(String name, String text, boolean yaml) {
        public static Source of(Path file, String text) {
            return new Source(file.toString(), text, !file.toString().endsWith(".json"));
        }

        /** A JSON text with no lines worth naming (one line of a JSONL stream: the name says which). */
        public static Source named(String name) { return new Source(name, null, false); }

        /** "name line N" for the field at {@code path} when its line is known, else the name. */
        public String at(String path) {
            int line = lineOf(this, path);
            return line > 0 ? name + " line " + line : name;
        }
    }

    /** Reads a configuration file; a missing or unreadable one names it and the option that gave it. */
    public static String read(Path file, String what, String fix) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read " + what + " (" + IoProblem.why(e) + "); " + fix, e);
        }
    }

    /** Every document of the text (YAML may hold several; JSON one); empty ones are dropped. */
    public static List<JsonNode> documents(Source src) {
        List<JsonNode> docs = new ArrayList<>();
        try {
            if (src.yaml()) {
                try (var it = Yaml.MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(src.text())) {
                    while (it.hasNextValue()) docs.add(it.nextValue());
                }
            } else {
                docs.add(Json.mapper().readTree(src.text()));
            }
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : " line " + e.getLocation().getLineNr();
            throw new UserInputException(src.name() + line + ": not valid " + (src.yaml() ? "YAML" : "JSON") + " ("
                    + firstLine(e.getOriginalMessage()) + "); fix the syntax", e);
        } catch (IOException | RuntimeException e) {
            throw new UserInputException(src.name() + ": not valid " + (src.yaml() ? "YAML" : "JSON") + " ("
                    + firstLine(e.getMessage()) + "); fix the syntax", e);
        }
        docs.removeIf(d -> d == null || d.isMissingNode() || d.isNull());
        return docs;
    }

    /** The first document, or null when the text holds none. */
    public static JsonNode tree(Source src) {
        List<JsonNode> docs = documents(src);
        return docs.isEmpty() ? null : docs.getFirst();
    }

    /** Binds {@code node} (the field {@code path} of {@code src}; "" for the whole text) to {@code type}, strictly. */
    public static <T> T bind(Source src, String path, JsonNode node, Class<T> type) {
        try {
            return STRICT.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw refusal(src, path, node, e);
        }
    }

    /**
     * {@code defaults} with {@code overlay} (any subset of its fields, nested sections merged field by field)
     * laid over them, bound strictly: an unknown key, a wrong type or a value the record refuses is an error.
     */
    public static <T> T overlay(Source src, String path, T defaults, JsonNode overlay, Class<T> type) {
        if (overlay == null || overlay.isNull()) return defaults;
        requireMapping(src, path, overlay);
        ObjectNode merged = STRICT.valueToTree(defaults);
        merge(merged, overlay);
        return bind(src, path, merged, type);
    }

    /**
     * Sections merge key by key; any other value, a list included, replaces the default whole (Jackson's
     * readerForUpdating would append a list to the default one).
     */
    private static void merge(ObjectNode into, JsonNode from) {
        for (var it = from.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (into.get(e.getKey()) instanceof ObjectNode section && e.getValue() instanceof ObjectNode over) {
                merge(section, over);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
    }

    /** The mapping at {@code path}, or a refusal naming it. */
    public static ObjectNode requireMapping(Source src, String path, JsonNode node) {
        if (node instanceof ObjectNode o) return o;
        throw new UserInputException(src.at(path) + ": field '" + display(path) + "' must be a mapping (key: value lines)");
    }

    /**
     * For a mapping whose values are read one by one (not bound to one record): a key outside {@code known} is
     * refused exactly as a bound record refuses it.
     */
    public static void checkKeys(Source src, String path, JsonNode node, Collection<String> known) {
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) throw unknown(src, join(path, k), known);
        }
    }

    private static UserInputException unknown(Source src, String field, Collection<String> known) {
        String key = field.substring(field.lastIndexOf('.') + 1);
        String closest = closest(key, known);
        return new UserInputException(src.at(field) + ": field '" + field + "' is unknown; "
                + (closest == null ? "" : "did you mean '" + closest + "'? ") + "(known here: " + String.join(", ", new java.util.TreeSet<>(known))
                + "); fix the spelling or remove it");
    }

    private static UserInputException refusal(Source src, String path, JsonNode node, Exception e) {
        List<String> at = e instanceof JsonMappingException m ? names(m) : List.of();
        String field = join(path, String.join(".", at));
        if (e instanceof UnrecognizedPropertyException u) {
            Set<String> known = new LinkedHashSet<>();
            if (u.getKnownPropertyIds() != null) u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            UserInputException x = unknown(src, field, known);
            x.initCause(e);
            return x;
        }
        if (e instanceof InvalidFormatException f) {
            return new UserInputException(src.at(field) + ": field '" + display(field) + "': '" + f.getValue() + "' is not "
                    + expected(f.getTargetType()) + "; fix the value", e);
        }
        if (e instanceof MismatchedInputException m && !(e instanceof ValueInstantiationException)) {
            JsonNode given = at(node, at);
            String what = given == null || given.isNull() ? "empty" : given.isObject() ? "a mapping" : given.isArray() ? "a list"
                    : "'" + given.asText() + "'";
            return new UserInputException(src.at(field) + ": field '" + display(field) + "' is " + what + ", not "
                    + expected(m.getTargetType()) + "; fix the value", e);
        }
        // a record's own check refused a value: name the field its message starts with, when it does
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String why = firstLine(root.getMessage());
        JsonNode obj = at(node, at);
        if (obj != null && obj.isObject()) {
            String section = at.isEmpty() ? path.substring(path.lastIndexOf('.') + 1) : at.getLast();
            for (var it = obj.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (why.startsWith(k + " ") || why.startsWith(section + "." + k + " ")) {
                    field = join(field, k);
                    break;
                }
            }
        }
        return new UserInputException(src.at(field) + ": field '" + display(field) + "': " + why + "; fix the value", e);
    }

    private static String expected(Class<?> t) {
        if (t == null) return "of the right type";
        if (t == int.class || t == long.class || t == Integer.class || t == Long.class) return "a whole number";
        if (t == double.class || t == float.class || t == Double.class || t == Float.class) return "a number";
        if (t == boolean.class || t == Boolean.class) return "true or false";
        if (t == String.class) return "a text";
        if (t.isEnum()) {
            List<String> v = new ArrayList<>();
            for (Object c : t.getEnumConstants()) v.add(((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT));
            return "one of " + String.join(", ", v);
        }
        if (t.isRecord()) return "a mapping (key: value lines)";
        return "a " + t.getSimpleName();
    }

    private static List<String> names(JsonMappingException m) {
        List<String> out = new ArrayList<>();
        for (JsonMappingException.Reference r : m.getPath()) {
            out.add(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return out;
    }

    private static JsonNode at(JsonNode node, List<String> path) {
        JsonNode n = node;
        for (String p : path) {
            if (n == null) return null;
            n = n.isArray() && p.matches("\\d+") ? n.get(Integer.parseInt(p)) : n.get(p);
        }
        return n;
    }

    /**
     * The known key nearest to {@code key} (case ignored, edit distance at most a third of the longer name, at
     * least 2), or null when none is near: a suggestion that is far off misleads more than none.
     */
    static String closest(String key, Collection<String> known) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (k.toLowerCase(java.util.Locale.ROOT).startsWith(key.toLowerCase(java.util.Locale.ROOT)) && key.length() >= 3) d = Math.min(d, 1);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best != null && bestD <= Math.max(2, Math.max(key.length(), best.length()) / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * The line of the key at the dotted {@code path} in the source text (any document), or of its nearest
     * enclosing key that is there; 0 when the source has no text or the key is not in it (a default).
     */
    static int lineOf(Source src, String path) {
        if (src.text() == null || path.isEmpty()) return 0;
        String[] want = path.split("\\.");
        int best = 0, bestDepth = 0;
        try (JsonParser p = src.yaml() ? new YAMLFactory().createParser(src.text()) : Json.mapper().getFactory().createParser(src.text())) {
            List<String> stack = new ArrayList<>();
            JsonToken t;
            while (true) {
                t = p.nextToken();
                if (t == null) {
                    if (!src.yaml() || p.nextToken() == null) break; // YAML: the next document, if any
                    t = p.currentToken();
                }
                if (t == JsonToken.FIELD_NAME) {
                    stack.clear();
                    for (var c = p.getParsingContext(); c != null && c.getParent() != null; c = c.getParent()) {
                        stack.addFirst(c.inObject() ? c.getCurrentName() : String.valueOf(c.getCurrentIndex()));
                    }
                    int depth = 0;
                    while (depth < stack.size() && depth < want.length && want[depth].equals(stack.get(depth))) depth++;
                    if (depth == stack.size() && depth > bestDepth) {
                        bestDepth = depth;
                        best = p.currentTokenLocation().getLineNr();
                        if (depth == want.length) return best;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return best; // a line is a courtesy: the message stands without it
        }
        return best;
    }

    private static String join(String a, String b) { return a.isEmpty() ? b : b.isEmpty() ? a : a + "." + b; }

    private static String display(String field) { return field.isEmpty() ? "(top level)" : field; }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
