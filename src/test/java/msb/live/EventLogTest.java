package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
    @Test
    void reopeningCutsBackToTheCheckpointAndContinuesTheSequence(@TempDir Path dir) {
        Path f = dir.resolve("events.jsonl");
        long checkpoint;
        try (EventLog log = EventLog.open(f, 0, 0)) {
            log.emit(10, "decision", Map.of("dir", 1));
            checkpoint = log.sync();
            log.emit(11, "order", Map.of("side", "buy"));
        }
        try {
            Files.writeString(f, "{\"seq\":3,\"ba", StandardOpenOption.APPEND); // torn line
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (EventLog log = EventLog.open(f, checkpoint, 1)) {
            log.emit(11, "order", Map.of("side", "sell"));
        }
        List<String> tail = EventLog.tail(f, 10);
        assertEquals(List.of("{\"bar_ts\":10,\"data\":{\"dir\":1},\"seq\":1,\"type\":\"decision\"}",
                "{\"bar_ts\":11,\"data\":{\"side\":\"sell\"},\"seq\":2,\"type\":\"order\"}"), tail);
        assertEquals(List.of(tail.get(1)), EventLog.tail(f, 1));
    }

    @Test
    void aLogShorterThanItsCheckpointIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("events.jsonl");
        Files.writeString(f, "x\n");
        assertThrows(msb.core.UserInputException.class, () -> EventLog.open(f, 100, 5));
    }
}
