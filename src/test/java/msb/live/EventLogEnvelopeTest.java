package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import msb.trading.EngineEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written envelope of {@link EventLog#emit} gives exactly the bytes of the general (map) form. */
class EventLogEnvelopeTest {
    @Test
    void everyPayloadAndTypeGivesTheReferenceBytes(@TempDir Path dir) throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", List.of(1, 2.5, "x\"y\n"));
        nested.put("a", null);
        List<Object[]> cases = List.of(
                new Object[]{-5L, "decision", new EngineEvent.Decision(1_600_000_200L, -1, 0.25, "gate", null, -0.1234567890123,
                        Double.NaN, -0.33, "sell", 1e-9, -0.5, 10_000.0)},
                new Object[]{0L, "order", Map.of("side", "buy")},
                new Object[]{Long.MAX_VALUE, "alert", nested},
                new Object[]{7L, "Weird Type\"", "plain string payload"},
                new Object[]{8L, "feed_stale", null});
        Path f = dir.resolve("events.jsonl");
        try (EventLog log = EventLog.open(f, 0, 41)) {
            for (Object[] c : cases) log.emit((Long) c[0], (String) c[1], c[2]);
        }
        List<String> expected = new ArrayList<>();
        long seq = 41;
        for (Object[] c : cases) expected.add(EventLog.referenceLine(++seq, (Long) c[0], (String) c[1], c[2]));
        assertEquals(expected, Files.readAllLines(f));
    }
}
