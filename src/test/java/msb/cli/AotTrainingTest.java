package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short commands' start-up cache is trained on the paths users run: help, version, a decision, status's
 * no-runner refusal (exit 2) and a runner's status in text and JSON. A training command that failed would
 * silently train the cache on its error path instead (the training ignores output), so each exit code is checked.
 */
class AotTrainingTest {
    @Test void theShortCommandsTrainingRunsEachPathAsMeant(@TempDir Path home) {
        PrintStream out = System.out, err = System.err;
        InputStream in = System.in;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        List<Integer> codes;
        try {
            System.setOut(quiet);
            System.setErr(quiet);
            codes = AotTraining.trainShortCommands(home);
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        }
        assertEquals(List.of(0, 0, 0, 2, 0, 0), codes, "help, version, decide, status without a runner, status, status --json");
    }
}
