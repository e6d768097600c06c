package msb.live;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import msb.core.Json;
import msb.trading.EngineState;
import msb.trading.RoundTrip;

/**
 * The bytes of state.json, exactly what {@code Json.line(RunnerState)} gives with the engine as a JSON tree (and,
 * from version 2, the status's round trips left to the engine's), made the cheap way. A checkpoint used to turn the engine snapshot into a tree and then serialise the tree and every
 * round trip of the run, twice (engine and status), at every checkpoint: the work grew with the run. Here the
 * engine snapshot is serialised directly, and each round-trip list is kept as the JSON of the trips already
 * written ({@link Trips}): a checkpoint serialises only the trips closed since the last one. StateJsonTest holds
 * the bytes to the general way's.
 */
final class StateJson {
    private StateJson() {}

    /**
     * The JSON of the round trips written so far, per list (the engine's, typed, and the status's, untyped): reused
     * while the next list starts with the very same trip objects (the engine's list only grows), rebuilt otherwise.
     * One per runner, used by one checkpoint at a time.
     */
    static final class Trips {
        final Cached engine = new Cached(new TypeReference<List<RoundTrip>>() {});
        final Cached status = new Cached(new TypeReference<List<Object>>() {});
    }

    /** One list's cache: its elements (by identity) and their JSON, "[a,b,...". */
    static final class Cached {
        private final TypeReference<?> listType;
        private final List<Object> elements = new ArrayList<>();
        private final StringBuilder json = new StringBuilder("[");
        private char[] chars = new char[0];

        Cached(TypeReference<?> listType) { this.listType = listType; }

        /** Writes {@code list} as a JSON array, serialising only the elements not already cached. */
        void write(List<?> list, JsonGenerator gen) throws IOException {
            int same = 0;
            int n = Math.min(list.size(), elements.size());
            while (same < n && list.get(same) == elements.get(same)) same++;
            if (same < elements.size()) { // not a continuation of what is cached: start over
                elements.clear();
                json.setLength(1);
                same = 0;
            }
            if (same < list.size()) {
                // each element as Jackson writes it inside a list of the declared type (a one-element list, brackets cut)
                ObjectWriter w = LINE.writerFor(LINE.getTypeFactory().constructType(listType));
                try {
                    for (int i = same; i < list.size(); i++) {
                        String one = w.writeValueAsString(List.of(list.get(i)));
                        if (json.length() > 1) json.append(',');
                        json.append(one, 1, one.length() - 1);
                        elements.add(list.get(i));
                    }
                } catch (IOException | RuntimeException | Error e) {
                    // a cache that might disagree with its element list is dropped: the next checkpoint starts over
                    elements.clear();
                    json.setLength(1);
                    throw e;
                }
            }
            int len = json.length() + 1;
            if (chars.length < len) chars = new char[Math.max(len, chars.length * 2)];
            json.getChars(0, json.length(), chars, 0);
            chars[len - 1] = ']';
            gen.writeRawValue(chars, 0, len);
        }
    }

    private static final String TRIPS = "msb.state.trips";

    /** Writes a round-trip list through the {@link Trips} of the checkpoint being written (plainly without one). */
    abstract static class TripsSerializer extends StdSerializer<List<?>> {
        TripsSerializer() { super(List.class, false); }

        abstract Cached of(Trips trips);

        @Override
        public void serialize(List<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Object trips = provider.getAttribute(TRIPS);
            if (trips == null) {
                throw new IllegalStateException("round trips are written through StateJson.bytes");
            }
            of((Trips) trips).write(value, gen);
        }
    }

    static final class EngineTrips extends TripsSerializer {
        @Override Cached of(Trips trips) { return trips.engine; }
    }

    static final class StatusTrips extends TripsSerializer {
        @Override Cached of(Trips trips) { return trips.status; }
    }

    abstract static class EngineStateMixin {
        @JsonSerialize(using = EngineTrips.class)
        abstract List<RoundTrip> roundTrips();
    }

    abstract static class StatusDocMixin {
        @JsonSerialize(using = StatusTrips.class)
        abstract List<Object> roundTrips();
    }

    /** The configuration of Json.line, with the round-trip lists going through the cache. */
    private static final ObjectMapper LINE = Json.lineMapper();
    private static final ObjectMapper STATE = Json.lineMapper().copy()
            .addMixIn(EngineState.class, EngineStateMixin.class)
            .addMixIn(StatusDoc.class, StatusDocMixin.class);
    private static final RecordComponent[] FIELDS = RunnerState.class.getRecordComponents();
    /** Per field, its name in the file and a writer for its declared type (as Jackson writes a record's properties). */
    private static final String[] NAMES = new String[FIELDS.length];
    private static final ObjectWriter[] WRITERS = new ObjectWriter[FIELDS.length];

    static {
        for (int i = 0; i < FIELDS.length; i++) {
            NAMES[i] = PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(FIELDS[i].getName());
            // the engine snapshot by its own type (EngineState, or a tree)
            WRITERS[i] = FIELDS[i].getName().equals("engine") ? STATE.writer()
                    : STATE.writerFor(STATE.getTypeFactory().constructType(FIELDS[i].getGenericType()));
        }
    }

    /**
     * state.json's content (one line and a newline) for {@code state}, with {@code engine} (an immutable snapshot
     * that serialises to the same JSON as the state's engine tree would) in the engine's place; version
     * {@link RunnerState#VERSION}, the status's round trips left to the engine's when they are the same trips.
     */
    static byte[] bytes(RunnerState state, Object engine, Trips trips) {
        List<Object> statusTrips = state.status() == null ? null : state.status().roundTrips();
        boolean inEngine = statusTrips != null && engine instanceof EngineState e && sameTrips(e.roundTrips(), statusTrips);
        RunnerState written = new RunnerState(RunnerState.VERSION, state.tf(), state.symbol(), state.artifact(), state.source(),
                state.strategyConfig(), state.barsProcessed(), state.lastBarTs(), state.eventLogBytes(), state.eventSeq(), null,
                state.alerts(), state.inSample(), state.outOfSample(),
                inEngine ? state.status().withRoundTrips(List.of()) : state.status(), state.drift(), inEngine);
        return write(written, engine, trips);
    }

    /** The same trip objects, in the same order (what the engine's snapshot and the status of one checkpoint hold). */
    private static boolean sameTrips(List<RoundTrip> engine, List<Object> status) {
        if (engine.size() != status.size()) return false;
        for (int i = 0; i < engine.size(); i++) if (engine.get(i) != status.get(i)) return false;
        return true;
    }

    /** {@code state} exactly as Json.line writes it (a newline after), with {@code engine} in the engine's place. */
    static byte[] write(RunnerState state, Object engine, Trips trips) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (JsonGenerator gen = STATE.getFactory().createGenerator(out)) {
            gen.writeStartObject();
            for (int i = 0; i < FIELDS.length; i++) {
                gen.writeFieldName(NAMES[i]);
                Object v = NAMES[i].equals("engine") ? engine : FIELDS[i].getAccessor().invoke(state);
                WRITERS[i].withAttribute(TRIPS, trips).writeValue(gen, v);
            }
            gen.writeEndObject();
            gen.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("could not serialise the runner state: " + e.getMessage(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
