package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import msb.core.Hashing;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.Bars;
import msb.data.CliRun;
import msb.dataset.DatasetStore;
import msb.model.ArtifactManifest;
import msb.model.ArtifactStore;
import msb.model.ModelKind;
import msb.model.TrainResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `run-live --retrain-every` on a replay of 5000 planted 5m bars (AR(1) returns a logistic regression learns):
 * every 5 days of bar time. The first retrain (1440 bars) has too few TRAIN rows and is refused by
 * min_train_rows; the later ones have enough of the planted signal and are promoted and swapped in.
 */
class RetrainTest {
    @TempDir Path home;

    @Test
    void replayRefusesThenSwapsAtBarBoundariesWithoutLookAhead() throws Exception {
        TrainResult trained = LiveFixture.homeWithArtifact(home, 5_000, ModelKind.LOGREG);
        assertTrue(trained.promoted(), trained.failedGates().toString());
        String original = trained.runDir().getFileName().toString();
        Path state = home.resolve("state-retrain");
        CliRun r = CliRun.run(home, "run-live", "--tf", "5m", "--state-dir", state.toString(), "--retrain-every", "5d");
        assertEquals(0, r.code(), r.err());

        List<JsonNode> events = events(state);
        List<JsonNode> concluded = events.stream().filter(e -> List.of("model_swap", "retrain_refused", "retrain_failed")
                .contains(e.get("type").asText())).toList();
        assertEquals(3, concluded.size(), "three retrains in 17 days of bars, every 5 days: " + concluded);
        JsonNode refused = concluded.getFirst();
        assertEquals("retrain_refused", refused.get("type").asText(), refused.toString());
        JsonNode rd = refused.get("data");
        assertEquals(original, rd.get("old_run_id").asText(), "the refused retrain names the live run");
        assertNotEquals(original, rd.get("new_run_id").asText(), "and its own run");
        assertTrue(rd.get("reasons").get(0).asText().startsWith("min_train_rows: "), rd.toString());
        assertTrue(rd.get("reasons").get(0).asText().matches(".*\\d+.*"), "with figures: " + rd);
        assertTrue(r.err().contains("ALERT " + Alert.RETRAIN_REFUSED) && r.err().contains("keeping " + original), r.err());

        String live = original;
        Bars bars = DatasetStore.loadBars(Workspace.at(home), "BTC", Timeframe.M5);
        for (JsonNode e : concluded.subList(1, 3)) {
            assertEquals("model_swap", e.get("type").asText(), e.toString());
            JsonNode d = e.get("data");
            assertEquals(live, d.get("old_run_id").asText(), "swaps chain: old is the run that was live");
            live = d.get("new_run_id").asText();
            long through = d.get("trained_through_ts").asLong();
            // a replay swaps at the boundary right after the retrain's bar, which is the newest bar it saw
            assertEquals(through, e.get("bar_ts").asLong(), e.toString());
            ArtifactManifest m = ArtifactStore.verifiedManifest(Workspace.at(home).modelsDir("BTC", Timeframe.M5).resolve(live));
            assertTrue(m.promoted(), "only promoted runs are swapped in: " + m.failedGates());
            // the last row's label reads the close horizonBars later: that close, not the row, must be at or before the swap bar
            int horizonBars = Json.mapper().treeToValue(m.label().get("spec"), msb.dataset.LabelSpec.class).horizonBars();
            long labelEnd = m.datasetRange().lastTs() + horizonBars * Timeframe.M5.seconds();
            assertTrue(labelEnd <= through, "no look-ahead: the last training row at " + m.datasetRange().lastTs()
                    + " is labelled by the close " + horizonBars + " bars later, " + labelEnd + ", after the swap bar " + through);
            assertEquals(d.get("dataset_last_ts").asLong(), m.datasetRange().lastTs());
            assertTrue(through < bars.lastTs(), "retrained mid-replay");
            assertEquals(m.model(), "logreg", "the recipe of the live artifact");
        }
        JsonNode st = Json.mapper().readTree(CliRun.run(home, "status", "--state-dir", state.toString(), "--json").out());
        JsonNode rt = st.get("retrain");
        assertEquals(live, rt.get("live_run_id").asText());
        assertEquals(2, rt.get("swaps").asLong());
        assertEquals(1, rt.get("refusals").asLong());
        assertEquals(RetrainStatus.SWAPPED, rt.get("last_outcome").asText());
        assertTrue(rt.get("next_due_ts").asLong() > st.get("last_bar_ts").asLong() - 5 * 86_400, rt.toString());
        assertTrue(st.get("artifact").asText().endsWith(live), "the state names the live run: " + st.get("artifact"));
        String text = CliRun.run(home, "status", "--state-dir", state.toString()).out();
        assertTrue(text.contains("retrain") && text.contains("live " + live) && text.contains("next due"), text);

        // LATEST.json moved back to the original run: a restart still resumes with the run its state names
        Path models = Workspace.at(home).modelsDir("BTC", Timeframe.M5);
        Json.write(models.resolve(ArtifactStore.LATEST), new ArtifactStore.Latest(original,
                Hashing.sha256(models.resolve(original).resolve("manifest.json")), "2026-01-01T00:00:00Z"));
        CliRun again = CliRun.run(home, "run-live", "--tf", "5m", "--state-dir", state.toString(), "--retrain-every", "5d");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("live artifact " + live), again.err());
        assertEquals(events.size(), events(state).size(), "nothing replayed twice");
    }

    @Test
    void driftAfterASwapRestartsAgainstTheNewBinsAndResumesAsAnUninterruptedRun() throws Exception {
        TrainResult trained = LiveFixture.homeWithArtifact(home, 5_000, ModelKind.LOGREG);
        String original = trained.runDir().getFileName().toString();
        Path reference = home.resolve("reference");
        CliRun ref = CliRun.run(home, driftArgs(reference));
        assertEquals(0, ref.code(), ref.err());
        List<JsonNode> swaps = events(reference).stream().filter(e -> e.get("type").asText().equals("model_swap")).toList();
        assertEquals(2, swaps.size(), ref.err());
        assertTrue(swaps.getFirst().get("data").get("reasons").get(0).asText().startsWith("drift window restarted"), swaps.toString());

        // the same replay stopped after the first swap (day 10, bar ~2880) and resumed: the checkpoint holds a window
        // binned against the swapped-in artifact, and the resumed run monitors against that artifact
        Path models = Workspace.at(home).modelsDir("BTC", Timeframe.M5);
        Json.write(models.resolve(ArtifactStore.LATEST), new ArtifactStore.Latest(original,
                Hashing.sha256(models.resolve(original).resolve("manifest.json")), "2026-01-01T00:00:00Z"));
        Path split = home.resolve("split");
        List<String> first = new ArrayList<>(List.of(driftArgs(split)));
        first.addAll(List.of("--max-bars", "3200"));
        CliRun a = CliRun.run(home, first.toArray(String[]::new));
        assertEquals(0, a.code(), a.err());
        JsonNode mid = Json.mapper().readTree(CliRun.run(home, "status", "--state-dir", split.toString(), "--json").out());
        assertNotEquals(original, mid.get("retrain").get("live_run_id").asText(), "stopped after the swap: " + a.err());
        CliRun b = CliRun.run(home, driftArgs(split));
        assertEquals(0, b.code(), b.err());
        String runId = "\\d{8}T\\d{6}\\.\\d{3}Z-logreg(-\\d+)?";
        assertEquals(Files.readString(reference.resolve(StateStore.EVENTS_FILE)).replaceAll(runId, "RUN"),
                Files.readString(split.resolve(StateStore.EVENTS_FILE)).replaceAll(runId, "RUN"), "the same events");
        JsonNode st = Json.mapper().readTree(CliRun.run(home, "status", "--state-dir", split.toString(), "--json").out());
        assertEquals(Json.pretty(Json.mapper().readTree(CliRun.run(home, "status", "--state-dir", reference.toString(), "--json").out()))
                .replaceAll(runId, "RUN"), Json.pretty(st).replaceAll(runId, "RUN"), "the same status, drift PSIs included");
        assertEquals(100, st.get("drift").get("filled_bars").asInt(), st.get("drift").toString());
    }

    private static String[] driftArgs(Path state) {
        return new String[] {"run-live", "--tf", "5m", "--state-dir", state.toString(), "--retrain-every", "5d",
                "--drift-window-bars", "100"};
    }

    @Test
    void aRetrainThatCannotTrainIsAFailedOutcomeNotACrash() throws Exception {
        TrainResult trained = LiveFixture.homeWithArtifact(home, 2_000, ModelKind.LOGREG);
        ArtifactManifest live = ArtifactStore.verifiedManifest(trained.runDir());
        var err = new java.io.ByteArrayOutputStream();
        Retrainer r = new Retrainer(Workspace.at(home), "BTC", Timeframe.M5, "1d", 86_400, true,
                new java.io.PrintStream(err, true), "msb: [5m] ");
        r.restore(null, live.runId());
        // hourly bars cannot make a 5m dataset: training refuses its input
        Bars hourly = msb.data.Resampler.resample(DatasetStore.loadBars(Workspace.at(home), "BTC", Timeframe.M5), 3_600).bars();
        r.trainOn(hourly);
        long first = hourly.ts(0);
        assertTrue(!r.maybeStart(first, live) && r.status().nextDueTs() == first + 86_400, "the first bar starts the clock");
        assertTrue(r.maybeStart(first + 86_400, live));
        Retrainer.Outcome o = r.poll(false);
        assertTrue(o instanceof Retrainer.Outcome.Failed f && f.message().contains("5m"), String.valueOf(o));
        r.concluded(first + 86_400, o, live.runId());
        assertEquals(RetrainStatus.FAILED, r.status().lastOutcome());
        assertEquals(live.runId(), r.status().liveRunId(), "the live model stays");
        assertEquals(first + 2 * 86_400, r.status().nextDueTs(), "due again an interval later, not at every bar");
        r.close();
    }

    @Test
    void badDurationsExitTwoNamingTheFlag() {
        for (String bad : new String[] {"7h", "1x", "0d", ""}) {
            CliRun r = CliRun.run(home, "run-live", "--tf", "5m", "--retrain-every", bad);
            assertEquals(2, r.code(), bad + ": " + r.err());
            List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.getFirst().contains("--retrain-every") && lines.getFirst().contains("e.g. --retrain-every 1d"), r.err());
        }
    }

    static List<JsonNode> events(Path state) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(state.resolve(StateStore.EVENTS_FILE))) out.add(Json.mapper().readTree(line));
        return out;
    }
}
