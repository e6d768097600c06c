package msb.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Progress redraws in place on a terminal only; a log gets plain lines. */
class ProgressTest {
    private static String run(boolean terminal, boolean quiet) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Progress p = Progress.on(new PrintStream(buf, true, StandardCharsets.UTF_8), "fit", 50, quiet, terminal)) {
            for (int i = 0; i < 50; i++) p.step();
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void notATerminalGetsLinesWithoutCarriageReturns() {
        String log = run(false, false);
        assertFalse(log.contains("\r"), log);
        assertTrue(log.startsWith("msb: fit 100% after "), log);
        assertEquals(1, log.lines().count(), log);
    }

    @Test
    void aTerminalGetsTheRedrawnBarAndQuietGetsNothing() {
        assertTrue(run(true, false).contains("\r"));
        assertEquals("", run(true, true));
        assertEquals("", run(false, true));
    }
}
