package msb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import msb.core.Json;
import msb.core.StoreLock;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.CliRun;
import msb.data.RawStore;
import msb.dataset.DatasetStore;
import msb.live.LiveFixture;
import msb.live.StateStore;
import msb.model.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two writers at once on each store, as real processes: serialized by the home lock, or refused (runners). */
class ConcurrentWritersTest {
    private static final long HANG_GUARD_S = 180;
    private static final Timeframe TF = Timeframe.M5;

    @TempDir Path tmp;

    @Test
    void twoImportsIntoOneSourceAtOnceBothFinishAndTheStoreIsWhole() throws Exception {
        Path home = tmp.resolve("home");
        Path a = LiveFixture.syntheticCsv(tmp.resolve("in/a.csv"), 3000, 7);
        Path b = LiveFixture.syntheticCsv(tmp.resolve("in/b.csv"), 2500, 8);
        List<Process> ps = List.of(
                Procs.start(Procs.msb(home, "data", "import", "--in", a.toString(), "--source", "bars"), tmp.resolve("a.log")),
                Procs.start(Procs.msb(home, "data", "import", "--in", b.toString(), "--source", "bars"), tmp.resolve("b.log")));
        assertEquals(List.of(0, 0), exits(ps), Files.readString(tmp.resolve("a.log")) + Files.readString(tmp.resolve("b.log")));
        Workspace ws = Workspace.at(home);
        try (StoreLock lock = StoreLock.home(ws, "check", Procs.QUIET)) {
            int rows = RawStore.load(ws, "BTC", "bars").size(); // verified against its metadata's sha256
            assertTrue(rows == 3000 || rows == 2500, "one whole series: " + rows);
            assertEquals(rows, RawStore.source(ws, "BTC", "bars").orElseThrow().rows());
        }
    }

    /** Issue 12: `train` during `dataset build` exited 1 ("manifest.json not found"); now it waits for the build. */
    @Test
    void twoDatasetBuildsAndATrainAtOnceAllFinishOnAWholeDataset() throws Exception {
        Path home = tmp.resolve("home");
        Path a = LiveFixture.syntheticCsv(tmp.resolve("in/a.csv"), 3000, 7);
        assertEquals(0, CliRun.run(home, "data", "import", "--in", a.toString()).code());
        List<Process> ps = List.of(
                Procs.start(Procs.msb(home, "dataset", "build", "--tf", "5m", "--embargo-bars", "12"), tmp.resolve("b1.log")),
                Procs.start(Procs.msb(home, "dataset", "build", "--tf", "5m", "--embargo-bars", "6"), tmp.resolve("b2.log")),
                Procs.start(Procs.msb(home, "train", "--tf", "5m", "--model", "logreg", "--quiet"), tmp.resolve("t.log")));
        List<Integer> codes = exits(ps);
        String logs = Files.readString(tmp.resolve("b1.log")) + Files.readString(tmp.resolve("b2.log")) + Files.readString(tmp.resolve("t.log"));
        assertEquals(0, codes.get(0), logs);
        assertEquals(0, codes.get(1), logs);
        assertTrue(codes.get(2) == 0 || codes.get(2) == 3, "train ran (0 promoted, 3 gates failed): " + logs);
        Workspace ws = Workspace.at(home);
        assertEquals(DatasetStore.manifest(ws, "BTC", TF).rows(), DatasetStore.load(ws, "BTC", TF).rows());
    }

    /**
     * One runner per state directory: while a runner (a process) runs, a second one, in this JVM or as another
     * process, exits 2 naming the first's pid before it reads or writes anything; the first then finishes
     * (here: is killed and resumed) with exactly the uninterrupted run's state and events, no NUL byte in them.
     */
    @Test
    void aSecondRunnerOnOneStateDirectoryIsRefusedNamingTheFirstsPid() throws Exception {
        Path home = tmp.resolve("home");
        assertTrue(LiveFixture.homeWithArtifact(home, 3000, ModelKind.LOGREG).promoted());
        Path reference = home.resolve("state-reference");
        assertEquals(0, CliRun.run(home, "run-live", "--tf", "5m", "--state-dir", reference.toString()).code());
        Path state = home.resolve("state");
        // paced (~3 ms a bar): seconds of running while the second runner tries
        Process first = Procs.start(Procs.msb(home, "run-live", "--tf", "5m", "--state-dir", state.toString(), "--speed",
                "100000x", "--checkpoint-every", "37"), tmp.resolve("first.log"));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_S);
            while (!Files.exists(state.resolve(StateStore.STATE_FILE)) && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(first.isAlive(), "the first runner is running: " + Files.readString(tmp.resolve("first.log")));
            String before = Files.readString(state.resolve(StateStore.STATE_FILE));

            CliRun second = CliRun.run(home, "run-live", "--tf", "5m", "--state-dir", state.toString());
            assertEquals(2, second.code(), second.err());
            assertTrue(second.err().startsWith("msb: another runner uses the state directory " + state)
                    && second.err().contains("pid " + first.pid() + " (msb run-live"), second.err());
            Process third = Procs.start(Procs.msb(home, "run-live", "--tf", "5m", "--state-dir", state.toString()), tmp.resolve("third.log"));
            assertTrue(third.waitFor(HANG_GUARD_S, TimeUnit.SECONDS));
            String thirdErr = Files.readString(tmp.resolve("third.log"));
            assertEquals(2, third.exitValue(), thirdErr);
            assertTrue(thirdErr.contains("pid " + first.pid()), thirdErr);
            assertTrue(first.isAlive() || first.exitValue() == 0, "the first runner is untouched");
            assertFalse(Json.mapper().readTree(before).isMissingNode());
        } finally {
            first.destroyForcibly();
            first.waitFor(HANG_GUARD_S, TimeUnit.SECONDS);
        }
        assertEquals(0, CliRun.run(home, "run-live", "--tf", "5m", "--state-dir", state.toString()).code());
        String events = Files.readString(state.resolve(StateStore.EVENTS_FILE));
        assertFalse(events.contains("\0"), "no NUL byte in events.jsonl");
        assertEquals(Files.readString(reference.resolve(StateStore.EVENTS_FILE)), events, "one runner's events, once");
        assertEquals(CliRun.run(home, "status", "--state-dir", reference.toString(), "--json").out(),
                CliRun.run(home, "status", "--state-dir", state.toString(), "--json").out());
    }

    /** A runner that would have to train an artifact first is refused before it trains (or builds) anything. */
    @Test
    void aSecondRunnerIsRefusedBeforeItTrainsAMissingArtifact() {
        Path home = tmp.resolve("home");
        Path state = home.resolve("state");
        try (StoreLock first = StoreLock.runner(state, "msb run-live --tf 5m")) {
            CliRun r = CliRun.run(home, "run-live", "--tf", "5m", "--state-dir", state.toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("pid " + ProcessHandle.current().pid()), r.err());
            assertFalse(Files.exists(home.resolve("models")), "no artifact trained");
            assertFalse(Files.exists(home.resolve("datasets")), "no dataset built");
        }
    }

    private static List<Integer> exits(List<Process> ps) throws Exception {
        for (Process p : ps) assertTrue(p.waitFor(HANG_GUARD_S, TimeUnit.SECONDS), "ended");
        return ps.stream().map(Process::exitValue).toList();
    }
}
