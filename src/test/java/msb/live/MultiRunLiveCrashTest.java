package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import msb.core.Json;
import msb.core.Timeframe;
import msb.data.CliRun;
import msb.model.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a `run-live --tf 5m,1h` process whose joint exposure limit binds (so each book depends on the
 * other), then the same command again: both timeframes end exactly where an uninterrupted process ends,
 * although they resume from different checkpoints.
 */
class MultiRunLiveCrashTest {
    private static final String LIMIT = "0.3";

    @Test
    void killedAndResumedEqualsAnUninterruptedProcess(@TempDir Path home) throws Exception {
        var trained = LiveFixture.homeWithArtifact(home, 5_000, ModelKind.LOGREG);
        assertTrue(trained.promoted());
        LiveFixture.promotedAs(home, trained.runDir(), Timeframe.H1);
        Path reference = home.resolve("reference");
        Path crashed = home.resolve("crashed");
        CliRun ref = RunLiveTest.msb("--home", home.toString(), "run-live", "--tf", "5m,1h", "--state-dir", reference.toString(),
                "--max-total-exposure-frac", LIMIT);
        assertEquals(0, ref.code(), ref.err());

        List<String> cmd = command(home, crashed);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (barsProcessed(crashed.resolve("5m")) < 1_500) {
                assertTrue(System.nanoTime() < deadline, "no checkpoint past 1500 bars within 60 s");
                assertTrue(p.isAlive(), "the process ended before it could be killed");
                Thread.sleep(5);
            }
            p.destroyForcibly().waitFor();
        } finally {
            p.destroyForcibly();
        }
        long at5m = barsProcessed(crashed.resolve("5m"));
        long at1h = barsProcessed(crashed.resolve("1h"));
        assertTrue(at5m < 4_500, "killed mid-run: 5m at " + at5m + ", 1h at " + at1h);
        Process last = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(home.resolve("last.log").toFile()).start();
        assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the resumed process finishes");
        assertEquals(0, last.exitValue(), Files.readString(home.resolve("last.log")));

        long blocked = 0;
        for (String tf : List.of("5m", "1h")) {
            String expected = RunLiveTest.msb("status", "--state-dir", reference.resolve(tf).toString(), "--json").out();
            String actual = RunLiveTest.msb("status", "--state-dir", crashed.resolve(tf).toString(), "--json").out();
            assertEquals(expected, actual, tf);
            assertEquals(Files.readString(reference.resolve(tf).resolve("events.jsonl")),
                    Files.readString(crashed.resolve(tf).resolve("events.jsonl")), tf + ": no event lost or duplicated");
            var b = Json.mapper().readTree(expected).get("blocked").get("max_total_exposure_frac");
            if (b != null) blocked += b.get("buy").asLong() + b.get("sell").asLong();
        }
        assertTrue(blocked > 0, "the joint limit bound, so the books depended on each other");
    }

    private static List<String> command(Path home, Path stateDir) {
        return RunLiveCrashTest.msbProcess(home, "run-live", "--tf", "5m,1h", "--state-dir", stateDir.toString(),
                "--speed", "300000x", "--checkpoint-every", "37", "--max-total-exposure-frac", LIMIT);
    }

    private static long barsProcessed(Path stateDir) {
        Path f = stateDir.resolve(StateStore.STATE_FILE);
        if (!Files.exists(f)) return 0;
        try {
            return Json.mapper().readTree(f.toFile()).path("bars_processed").asLong();
        } catch (Exception e) {
            return 0; // replaced while reading: try again
        }
    }
}
