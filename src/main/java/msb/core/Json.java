package msb.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one JSON configuration of msb: snake_case field names (records say {@code spreadBps}, files say
 * {@code spread_bps}), map keys sorted and pretty printing so that the same content gives the same bytes.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Compact, one document per line: JSONL event logs and the `decide` output. */
    private static final ObjectMapper LINE = MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    public static ObjectMapper mapper() { return MAPPER; }

    public static ObjectMapper lineMapper() { return LINE; }

    public static String pretty(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static String line(Object value) {
        try {
            return LINE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Writes pretty JSON atomically. */
    public static void write(Path file, Object value) { AtomicFiles.writeString(file, pretty(value)); }

    /** Reads a JSON file; a missing or malformed file is bad input naming the file. */
    public static <T> T read(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new UserInputException(file + ": not valid JSON for " + type.getSimpleName() + " ("
                    + e.getOriginalMessage() + at + "); restore or recreate it", e);
        } catch (IOException e) {
            if (java.nio.file.Files.isDirectory(file) || !java.nio.file.Files.exists(file)
                    || e instanceof java.nio.file.AccessDeniedException) {
                throw new UserInputException("could not read " + file + ": " + (java.nio.file.Files.isDirectory(file)
                        ? "a directory, not a file" : IoProblem.why(e)) + "; restore or recreate it", e);
            }
            throw new UncheckedIOException("could not read " + file + ": " + IoProblem.why(e), e);
        }
    }
}
