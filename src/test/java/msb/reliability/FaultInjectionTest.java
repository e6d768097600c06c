package msb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import msb.core.FileSet;
import msb.core.Json;
import msb.core.StoreLock;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.CliRun;
import msb.data.RawStore;
import msb.data.SourceInfo;
import msb.dataset.DatasetFile;
import msb.dataset.DatasetManifest;
import msb.dataset.DatasetStore;
import msb.live.LiveFixture;
import msb.live.RunnerState;
import msb.live.StateStore;
import msb.model.ArtifactStore;
import msb.model.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at 20 seeded random points of each writing command (real `java ... msb.cli.Main` processes,
 * {@link Process#destroyForcibly}), each followed by what the next command does first (the home lock and
 * its recovery, or the runner lock) and a strict check: every store agrees with its recorded sha256 and
 * holds the old or the new content, never a mix; then the next command runs. Kill points are drawn from
 * [0.05, 0.95] x the measured length of an uninterrupted run (choosing points, not asserting on time).
 */
class FaultInjectionTest {
    private static final long SEED = 20_261_202L;
    private static final int KILLS = 20;
    private static final int BARS = 3000;
    private static final Timeframe TF = Timeframe.M5;

    @TempDir Path tmp;

    @Test
    void dataImportKilledAt20PointsLeavesTheOldOrTheNewSeriesNeverAMix() throws Exception {
        Path home = tmp.resolve("home");
        Path a = LiveFixture.syntheticCsv(tmp.resolve("in/a.csv"), BARS, 7);
        Path b = LiveFixture.syntheticCsv(tmp.resolve("in/b.csv"), BARS - 500, 8);
        java.util.Map<String, Integer> rowsOf = java.util.Map.of(importedSha(a), BARS, importedSha(b), BARS - 500);
        Random rnd = new Random(SEED);
        long fullMs = Procs.runToEnd(Procs.msb(home, "data", "import", "--in", a.toString(), "--source", "bars"));
        int killed = 0;
        for (int i = 0; i < KILLS; i++) {
            Path in = i % 2 == 0 ? b : a; // every import replaces the other series
            killed += Procs.killAfter(Procs.msb(home, "data", "import", "--in", in.toString(), "--source", "bars"),
                    Procs.killPointMs(fullMs, rnd)) ? 1 : 0;
            Workspace ws = Workspace.at(home);
            Optional<SourceInfo> info;
            try (StoreLock lock = StoreLock.home(ws, "fault check", Procs.QUIET)) {
                assertNoTemps(ws.rawDir("BTC"));
                info = RawStore.source(ws, "BTC", "bars");
                assertTrue(info.isPresent(), "the first, uninterrupted import is never lost (kill " + i + ")");
                assertTrue(rowsOf.containsKey(info.get().barsSha256()), "old or new series, kill " + i);
                assertEquals(rowsOf.get(info.get().barsSha256()), RawStore.load(ws, "BTC", "bars").size(),
                        "bars verified against their sha256 (kill " + i + ")");
            }
            // the next command: a dataset built from it names the stored file and its sha256
            CliRun next = CliRun.run(home, "dataset", "build", "--tf", TF.label());
            assertEquals(0, next.code(), next.err());
            DatasetManifest m = DatasetStore.manifest(ws, "BTC", TF);
            assertEquals(info.get().barsSha256(), m.source().files().get("bars.bars"), "true provenance after kill " + i);
        }
        Procs.report("data import", killed, KILLS);
        assertTrue(killed >= KILLS / 4, "kill points fell inside runs, not only after them: " + killed);
    }

    @Test
    void datasetBuildKilledAt20PointsLeavesAWholeVerifiedDataset() throws Exception {
        Path home = tmp.resolve("home");
        Path a = LiveFixture.syntheticCsv(tmp.resolve("in/a.csv"), BARS, 7);
        assertEquals(0, CliRun.run(home, "data", "import", "--in", a.toString()).code());
        Workspace ws = Workspace.at(home);
        // two different builds (embargo 12 and 6 bars) so that a torn replacement could not go unseen
        Set<String> whole = Set.of(builtSha(home, "12"), builtSha(home, "6"));
        assertEquals(2, whole.size());
        Random rnd = new Random(SEED + 1);
        long fullMs = Procs.runToEnd(Procs.msb(home, "dataset", "build", "--tf", TF.label(), "--embargo-bars", "12"));
        int killed = 0;
        for (int i = 0; i < KILLS; i++) {
            String embargo = i % 2 == 0 ? "6" : "12";
            killed += Procs.killAfter(Procs.msb(home, "dataset", "build", "--tf", TF.label(), "--embargo-bars", embargo),
                    Procs.killPointMs(fullMs, rnd)) ? 1 : 0;
            try (StoreLock lock = StoreLock.home(ws, "fault check", Procs.QUIET)) {
                assertNoTemps(ws.datasetDir("BTC", TF));
                // what train reads: rows and bars, each verified against the manifest's sha256
                DatasetManifest m = DatasetStore.manifest(ws, "BTC", TF);
                assertTrue(whole.contains(m.files().get(DatasetFile.NAME)), "old or new dataset, kill " + i);
                assertEquals(m.rows(), DatasetStore.load(ws, "BTC", TF).rows());
                assertTrue(DatasetStore.loadBars(ws, "BTC", TF).size() > 0);
            }
        }
        CliRun next = CliRun.run(home, "train", "--tf", TF.label(), "--model", "logreg", "--quiet");
        assertTrue(next.code() == 0 || next.code() == 3, "the next command trains on it: " + next.err());
        Procs.report("dataset build", killed, KILLS);
        assertTrue(killed >= KILLS / 4, "kill points fell inside runs, not only after them: " + killed);
    }

    @Test
    void trainKilledAt20PointsLeavesOnlyWholeVerifiedRunsAndATrueLatest() throws Exception {
        Path home = tmp.resolve("home");
        Path a = LiveFixture.syntheticCsv(tmp.resolve("in/a.csv"), BARS, 7);
        assertEquals(0, CliRun.run(home, "data", "import", "--in", a.toString()).code());
        assertEquals(0, CliRun.run(home, "dataset", "build", "--tf", TF.label()).code());
        Workspace ws = Workspace.at(home);
        Random rnd = new Random(SEED + 2);
        List<String> train = Procs.msb(home, "train", "--tf", TF.label(), "--model", "logreg", "--quiet");
        long fullMs = Procs.runToEnd(train, 0, 3);
        int killed = 0;
        for (int i = 0; i < KILLS; i++) {
            killed += Procs.killAfter(train, Procs.killPointMs(fullMs, rnd)) ? 1 : 0;
            try (StoreLock lock = StoreLock.home(ws, "fault check", Procs.QUIET)) {
                assertNoTemps(ws.modelsDir("BTC", TF));
                for (Path run : ArtifactStore.runs(ws, "BTC", TF)) ArtifactStore.verifiedManifest(run);
                Optional<Path> latest = ArtifactStore.latest(ws, "BTC", TF);
                if (latest.isPresent()) ArtifactStore.load(latest.get()).close(); // the next run-live's load
            }
        }
        assertTrue(ArtifactStore.runs(ws, "BTC", TF).size() >= 1, "the uninterrupted run is kept");
        Procs.report("train", killed, KILLS);
        assertTrue(killed >= KILLS / 4, "kill points fell inside runs, not only after them: " + killed);
    }

    @Test
    void runLiveKilledAt20PointsResumesToTheUninterruptedRunsStateAndEvents() throws Exception {
        Path home = tmp.resolve("home");
        assertTrue(LiveFixture.homeWithArtifact(home, BARS, ModelKind.LOGREG).promoted());
        Path reference = home.resolve("state-reference");
        assertEquals(0, CliRun.run(home, "run-live", "--tf", TF.label(), "--state-dir", reference.toString()).code());
        String expectedStatus = CliRun.run(home, "status", "--state-dir", reference.toString(), "--json").out();
        String expectedEvents = Files.readString(reference.resolve(StateStore.EVENTS_FILE));
        Random rnd = new Random(SEED + 3);
        Path state = home.resolve("state-killed");
        long fullMs = Procs.runToEnd(runner(home, state));
        Procs.deleteTree(state);
        int killed = 0;
        for (int i = 0; i < KILLS; i++) {
            killed += Procs.killAfter(runner(home, state), Procs.killPointMs(fullMs, rnd)) ? 1 : 0;
            checkRunnerState(state, i);
            if (i % 2 == 1) { // every 2 kills (one from scratch, one resumed): resume to the end, compare, start over
                assertEquals(0, CliRun.run(home, "run-live", "--tf", TF.label(), "--state-dir", state.toString()).code());
                assertEquals(expectedStatus, CliRun.run(home, "status", "--state-dir", state.toString(), "--json").out());
                assertEquals(expectedEvents, Files.readString(state.resolve(StateStore.EVENTS_FILE)), "no event lost or doubled");
                Procs.deleteTree(state);
            }
        }
        Procs.report("run-live", killed, KILLS);
        assertTrue(killed >= KILLS / 4, "kill points fell inside runs, not only after them: " + killed);
    }

    static List<String> runner(Path home, Path state) {
        return Procs.msb(home, "run-live", "--tf", TF.label(), "--state-dir", state.toString(), "--speed", "1200000x",
                "--checkpoint-every", "37");
    }

    /** Under the runner lock (so no runner is writing): the checkpoint parses and the log up to it is whole JSON lines. */
    static void checkRunnerState(Path state, int kill) throws Exception {
        if (!Files.exists(state)) return;
        try (StoreLock lock = StoreLock.runner(state, "fault check")) {
            Optional<RunnerState> s = new StateStore(state).load();
            if (s.isEmpty()) return;
            byte[] events = Files.readAllBytes(state.resolve(StateStore.EVENTS_FILE));
            assertTrue(events.length >= s.get().eventLogBytes(), "the log holds the checkpoint's events (kill " + kill + ")");
            String committed = new String(events, 0, (int) s.get().eventLogBytes(), StandardCharsets.UTF_8);
            assertFalse(committed.indexOf('\0') >= 0, "no NUL byte in events.jsonl (kill " + kill + ")");
            assertTrue(committed.isEmpty() || committed.endsWith("\n"), "whole lines (kill " + kill + ")");
            for (String line : committed.lines().toList()) Json.mapper().readTree(line);
        }
    }

    static void assertNoTemps(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return;
        try (var s = Files.list(dir)) {
            List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertEquals(List.of(), left, "recovery left no temp file or journal in " + dir);
        }
        assertEquals(0, FileSet.removeTemps(dir));
    }

    /** sha256 of the stored bars when {@code csv} is imported into an empty home (in process). */
    private String importedSha(Path csv) {
        Path home = tmp.resolve("ref-" + csv.getFileName());
        if (!Files.exists(home)) {
            CliRun r = CliRun.run(home, "data", "import", "--in", csv.toString(), "--source", "bars");
            assertEquals(0, r.code(), r.err());
        }
        return RawStore.source(Workspace.at(home), "BTC", "bars").orElseThrow().barsSha256();
    }

    /** sha256 of the dataset rows built with {@code embargo} bars (in process, into {@code home}). */
    private static String builtSha(Path home, String embargo) {
        CliRun r = CliRun.run(home, "dataset", "build", "--tf", TF.label(), "--embargo-bars", embargo);
        assertEquals(0, r.code(), r.err());
        JsonNode files = Json.read(Workspace.at(home).datasetDir("BTC", TF).resolve("manifest.json"), JsonNode.class).path("files");
        return files.path(DatasetFile.NAME).asText();
    }
}
