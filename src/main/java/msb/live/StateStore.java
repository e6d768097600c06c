package msb.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import msb.core.AtomicFiles;
import msb.core.Json;
import msb.core.UserInputException;

/**
 * A runner's state directory: {@code state.json} (replaced atomically at each checkpoint) and
 * {@code events.jsonl} (append-only). A crash leaves the previous checkpoint intact.
 */
public record StateStore(Path dir) {
    public static final String STATE_FILE = "state.json";
    public static final String EVENTS_FILE = "events.jsonl";

    public Path stateFile() { return dir.resolve(STATE_FILE); }

    public Path eventsFile() { return dir.resolve(EVENTS_FILE); }

    public Optional<RunnerState> load() {
        Path f = stateFile();
        if (!Files.exists(f)) return Optional.empty();
        RunnerState s = Json.read(f, RunnerState.class);
        String missing = s.tf() == null ? "tf" : s.symbol() == null ? "symbol" : s.artifact() == null ? "artifact"
                : s.source() == null ? "source" : s.engine() == null ? "engine" : s.status() == null ? "status"
                : s.alerts() == null ? "alerts" : s.inSample() == null ? "in_sample" : s.outOfSample() == null ? "out_of_sample" : null;
        if (missing != null) {
            throw new UserInputException(f + ": field " + missing + " is missing or null (edited or damaged); restore it, or"
                    + " delete " + dir + " to start over");
        }
        if (s.version() < RunnerState.OLDEST_READ || s.version() > RunnerState.VERSION) {
            throw new UserInputException(f + ": state version " + s.version() + ", this msb writes "
                    + RunnerState.VERSION + "; delete " + dir + " or use another --state-dir");
        }
        return Optional.of(s.roundTripsInEngine() ? s.withStatus(s.status().withRoundTrips(engineTrips(f, s.engine())), false) : s);
    }

    /** The status's round trips from the engine's: the same fields, without the tag that names the engine event type. */
    private List<Object> engineTrips(Path f, JsonNode engine) {
        JsonNode trips = engine.get("round_trips");
        if (trips == null || !trips.isArray()) {
            throw new UserInputException(f + ": field engine.round_trips is missing or not a list (edited or damaged); restore it,"
                    + " or delete " + dir + " to start over");
        }
        List<Object> out = new ArrayList<>(trips.size());
        for (JsonNode t : trips) {
            if (!t.isObject()) {
                throw new UserInputException(f + ": engine.round_trips holds " + t.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                        + ", not a round trip (edited or damaged); restore it, or delete " + dir + " to start over");
            }
            Map<String, Object> m = Json.mapper().convertValue(t, MAP);
            m.remove("type");
            out.add(m);
        }
        return out;
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>> MAP = new com.fasterxml.jackson.core.type.TypeReference<>() {};

    /** Compact JSON (one line): the checkpoint is rewritten often and read by `status`, not by hand. */
    public void save(RunnerState state) { save(state, state.engine(), new StateJson.Trips()); }

    /**
     * As {@link #save(RunnerState)}, with {@code engine} (a snapshot that serialises to the JSON of the state's engine,
     * which is not read) in the engine's place, and the round trips of earlier checkpoints taken from {@code trips}.
     */
    void save(RunnerState state, Object engine, StateJson.Trips trips) {
        AtomicFiles.writeBytes(stateFile(), StateJson.bytes(state, engine, trips));
    }

    /** The status of the runner in {@code dir}; exit 2 naming the directory when it has none. */
    public StatusDoc status() {
        return load().map(RunnerState::status).orElseThrow(() -> new UserInputException(
                "no runner state in " + dir + " (missing " + STATE_FILE + "); start one with msb run-live --tf TF"));
    }

    /** The most recently updated runner under {@code stateRoot} (any symbol, any timeframe). */
    public static Optional<StateStore> mostRecent(Path stateRoot) {
        if (!Files.isDirectory(stateRoot)) return Optional.empty();
        try (Stream<Path> files = Files.walk(stateRoot, 4)) {
            return files.filter(p -> p.getFileName().toString().equals(STATE_FILE))
                    .max(Comparator.comparingLong(StateStore::mtime))
                    .map(p -> new StateStore(p.getParent()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + stateRoot + ": " + e.getMessage(), e);
        }
    }

    private static long mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }
}
