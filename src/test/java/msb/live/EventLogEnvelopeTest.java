package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import msb.decision.Arm;
import msb.trading.EngineEvent;
import msb.trading.Fill;
import msb.trading.RoundTrip;
import msb.trading.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written envelope of {@link EventLog#emit} and the hand-written payloads of the engine's events
 * ({@link EventPayloads}) give exactly the bytes of the general (Jackson, map) form.
 */
class EventLogEnvelopeTest {
    /** Doubles whose text form has caught writers out: signs, zeros, exponents, the non-finite ones Jackson quotes. */
    private static final double[] DOUBLES = {0.0, -0.0, 1.0, -1.5, 0.1, 1e-9, 1e7, 1.0E21, 123456789.123, -0.002702093465311306,
            Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    /** Strings: plain, needing escapes, control characters, non-ASCII, empty, null. */
    private static final String[] STRINGS = {"hold", "x\"y\\z", "tab\there\nnew", "\u0001\u001f", "caf\u00e9 \u20ac \ud83d\ude00",
            "\u2028", "", null, "/slash </script>"};
    private static final long[] LONGS = {0, 1, -1, 1_600_000_200L, Long.MAX_VALUE, Long.MIN_VALUE, -1_234_567_890_123L};

    @Test
    void everyPayloadAndTypeGivesTheReferenceBytes(@TempDir Path dir) throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", List.of(1, 2.5, "x\"y\n"));
        nested.put("a", null);
        List<Object[]> cases = new ArrayList<>(List.of(
                new Object[]{-5L, "decision", new EngineEvent.Decision(1_600_000_200L, -1, 0.25, "gate", null, -0.1234567890123,
                        Double.NaN, -0.33, "sell", 1e-9, -0.5, 10_000.0)},
                new Object[]{0L, "order", Map.of("side", "buy")},
                new Object[]{Long.MAX_VALUE, "alert", nested},
                new Object[]{7L, "Weird Type\"", "plain string payload"},
                new Object[]{8L, "feed_stale", null}));
        for (int i = 0; i < 60; i++) cases.add(new Object[]{LONGS[i % LONGS.length], "t" + i, hotEvent(i)});
        Path f = dir.resolve("events.jsonl");
        try (EventLog log = EventLog.open(f, 0, 41)) {
            for (Object[] c : cases) log.emit((Long) c[0], (String) c[1], c[2]);
        }
        List<String> expected = new ArrayList<>();
        long seq = 41;
        for (Object[] c : cases) expected.add(EventLog.referenceLine(++seq, (Long) c[0], (String) c[1], c[2]));
        assertEquals(expected, Files.readAllLines(f));
    }

    @Test
    void anUnserialisablePayloadLeavesNoHalfLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("events.jsonl");
        try (EventLog log = EventLog.open(f, 0, 0)) {
            log.emit(1, "decision", Map.of("dir", 1));
            assertThrows(RuntimeException.class, () -> log.emit(2, "bad", new Object()));
            log.emit(3, "order", Map.of("side", "buy"));
        }
        assertEquals(List.of(EventLog.referenceLine(1, 1, "decision", Map.of("dir", 1)),
                EventLog.referenceLine(2, 3, "order", Map.of("side", "buy"))), Files.readAllLines(f));
    }

    /** Case {@code i} of the engine's per-bar events, cycling each field through the edge values above. */
    private static Object hotEvent(int i) {
        double a = DOUBLES[i % DOUBLES.length], b = DOUBLES[(i * 7 + 3) % DOUBLES.length], c = DOUBLES[(i * 5 + 1) % DOUBLES.length];
        String s = STRINGS[i % STRINGS.length], t = STRINGS[(i * 3 + 2) % STRINGS.length];
        long ts = LONGS[(i * 3 + 1) % LONGS.length];
        Arm arm = i % 5 == 4 ? null : Arm.values()[i % Arm.values().length];
        Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
        double positive = 1.0 + Math.abs(i * 0.37);
        return switch (i % 7) {
            case 0 -> new EngineEvent.Decision(ts, i % 3 - 1, a, s, arm, b, c, a, t, b, c, a);
            case 1 -> new EngineEvent.Order(ts, i % 4 == 1 ? null : side, a, s);
            case 2 -> new Fill(ts, side, positive, positive * 3, positive * 3.5, Math.abs(i * 1e-3), s);
            case 3 -> new RoundTrip(i % 2 == 0 ? "long" : "short", 0, Math.max(0, ts), a, b, c, a, b, c, a, b);
            case 4 -> new EngineEvent.GuardBlock(ts, s, i % 3 == 0 ? null : side, t);
            case 5 -> new EngineEvent.Reward(ts, arm, a);
            default -> new Alert(ts, s, t);
        };
    }
}
