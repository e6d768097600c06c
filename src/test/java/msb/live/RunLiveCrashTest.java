package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import msb.core.Json;
import msb.data.CliRun;
import msb.model.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at an arbitrary moment, then the same command again: the final state and event log equal those
 * of an uninterrupted run. The runner is a real `msb run-live` subprocess (java with the test class path).
 */
class RunLiveCrashTest {
    private static final int BARS = 5_000;

    @Test
    void killedTwiceAndResumedEqualsAnUninterruptedRun(@TempDir Path home) throws Exception {
        assertTrue(LiveFixture.homeWithArtifact(home, BARS, ModelKind.LOGREG).promoted());
        Path reference = home.resolve("state-reference");
        Path crashed = home.resolve("state-crashed");

        // the uninterrupted run, in process and at full speed (pace and checkpoint interval must not matter)
        CliRun ref = RunLiveTest.msb("--home", home.toString(), "run-live", "--tf", "5m", "--state-dir", reference.toString());
        assertEquals(0, ref.code(), ref.err());

        // the same command, paced (~1 ms per bar) so that it can be killed mid-run, checkpointing every 37 bars
        List<String> cmd = command(home, crashed);
        long firstKillAt = kill(cmd, crashed, 1_200);
        long secondKillAt = kill(cmd, crashed, firstKillAt + 1_300);
        assertTrue(secondKillAt > firstKillAt, "the second run resumed and progressed: " + firstKillAt + " -> " + secondKillAt);
        Process last = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(home.resolve("last.log").toFile()).start();
        assertTrue(last.waitFor(60, TimeUnit.SECONDS), "the resumed run finishes");
        assertEquals(0, last.exitValue(), Files.readString(home.resolve("last.log")));
        assertTrue(Files.readString(home.resolve("last.log")).contains("resuming after bar"));

        String expected = RunLiveTest.msb("status", "--state-dir", reference.toString(), "--json").out();
        String actual = RunLiveTest.msb("status", "--state-dir", crashed.toString(), "--json").out();
        JsonNode s = Json.mapper().readTree(expected);
        assertTrue(s.get("bars_processed").asLong() >= BARS - 2, "whole series: " + s.get("bars_processed"));
        assertTrue(s.get("round_trips").size() > 0 && s.get("orders").get("sell").asLong() > 0, "the run traded: " + expected);
        assertEquals(expected, actual);
        assertEquals(Files.readString(reference.resolve("events.jsonl")), Files.readString(crashed.resolve("events.jsonl")),
                "event log: no event lost or duplicated");
    }

    private static List<String> command(Path home, Path stateDir) {
        return msbProcess(home, "run-live", "--tf", "5m", "--state-dir", stateDir.toString(), "--speed", "300000x",
                "--checkpoint-every", "37");
    }

    /** {@code java -cp <test class path> msb.cli.Main --home HOME args...}: a runner in a process of its own, to kill. */
    static List<String> msbProcess(Path home, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path") + File.pathSeparator + System.getProperty("surefire.test.class.path", ""));
        cmd.add("msb.cli.Main");
        cmd.addAll(List.of("--home", home.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts the command and kills it (SIGKILL) once its checkpoint passes {@code afterBars}; returns that count. */
    private static long kill(List<String> cmd, Path stateDir, long afterBars) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                long done = barsProcessed(stateDir);
                if (done >= afterBars) {
                    p.destroyForcibly().waitFor();
                    long atKill = barsProcessed(stateDir);
                    assertTrue(atKill < BARS - 500, "killed mid-run (at " + atKill + " bars)");
                    return atKill;
                }
                assertTrue(p.isAlive(), "the runner ended before it could be killed (exit " + (p.isAlive() ? "" : p.exitValue()) + ")");
                Thread.sleep(5);
            }
            throw new AssertionError("no checkpoint past " + afterBars + " bars within 60 s");
        } finally {
            p.destroyForcibly();
        }
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
