package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.CliRun;
import msb.model.ArtifactStore;
import msb.model.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of `run-live --retrain-every 10d` (a real subprocess) while it retrains, and while it swaps the
 * promoted retrain in (between the swap event and the checkpoint that commits it); then the same command
 * again. The state names an artifact that exists and is the old one or the swapped-in one, never a run the
 * state does not know (LATEST.json may already point at the killed retrain's run); the resumed run ends where
 * an uninterrupted one ends, event for event, up to the run ids (they come from the wall clock).
 */
class RetrainCrashTest {
    private static final String RUN_ID = "\\d{8}T\\d{6}\\.\\d{3}Z-logreg(-\\d+)?";

    @Test
    void killedWhileRetrainingAndWhileSwappingResumesConsistently(@TempDir Path home) throws Exception {
        var trained = LiveFixture.homeWithArtifact(home, 5_000, ModelKind.LOGREG);
        String original = trained.runDir().getFileName().toString();
        Path reference = home.resolve("reference");
        CliRun ref = CliRun.run(home, args(reference));
        assertEquals(0, ref.code(), ref.err());
        assertEquals(1, RetrainTest.events(reference).stream().filter(e -> e.get("type").asText().equals("model_swap")).count(),
                "the uninterrupted run swapped once: " + ref.err());

        for (String killAt : List.of("retraining 5m", "retrain promoted")) {
            Path crashed = home.resolve("crashed-" + killAt.replace(' ', '-'));
            // each run starts from the original model, as the reference did (its retrain moved LATEST.json)
            Path models = Workspace.at(home).modelsDir("BTC", Timeframe.M5);
            Json.write(models.resolve(ArtifactStore.LATEST), new ArtifactStore.Latest(original,
                    msb.core.Hashing.sha256(models.resolve(original).resolve("manifest.json")), "2026-01-01T00:00:00Z"));
            killWhenSaid(RunLiveCrashTest.msbProcess(home, args(crashed)), killAt);
            Workspace ws = Workspace.at(home);
            RunnerState s = new StateStore(crashed).load().orElseThrow();
            Path live = ws.resolveRecorded(s.artifact());
            assertTrue(Files.isRegularFile(live.resolve("manifest.json")), "the state names a finished run: " + live);
            String liveId = live.getFileName().toString();
            if (killAt.startsWith("retraining")) {
                assertEquals(original, liveId, "killed while retraining: the old model is live");
            }
            assertEquals(liveId, s.status().retrain().liveRunId());
            ArtifactStore.verifiedManifest(live); // loads: never a half-written run

            CliRun again = CliRun.run(home, args(crashed));
            assertEquals(0, again.code(), again.err());
            assertTrue(again.err().contains("live artifact " + liveId), "resumed with the run its state names: " + again.err());
            assertEquals(normalised(status(reference)), normalised(status(crashed)), killAt);
            assertEquals(Files.readString(reference.resolve(StateStore.EVENTS_FILE)).replaceAll(RUN_ID, "RUN"),
                    Files.readString(crashed.resolve(StateStore.EVENTS_FILE)).replaceAll(RUN_ID, "RUN"),
                    killAt + ": the same events, none lost or duplicated");
            assertFalse(status(crashed).get("retrain").get("live_run_id").asText().equals(original), "the resumed run swapped");
        }
        assertTrue(ArtifactStore.runs(Workspace.at(home), "BTC", Timeframe.M5).size() >= 3, "runs of the killed retrains stay as records");
    }

    private static String[] args(Path state) {
        return new String[] {"run-live", "--tf", "5m", "--state-dir", state.toString(), "--retrain-every", "10d",
                "--checkpoint-every", "500"};
    }

    /** Starts the command and kills it (SIGKILL) as soon as it writes a line containing {@code text}. */
    private static void killWhenSaid(List<String> cmd, String text) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread watchdog = Thread.ofPlatform().daemon(true).start(() -> {
            try {
                if (!p.waitFor(180, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        });
        StringBuilder seen = new StringBuilder();
        boolean said = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                seen.append(line).append('\n');
                if (line.contains(text)) {
                    p.destroyForcibly().waitFor();
                    said = true;
                    break;
                }
            }
        } finally {
            p.destroyForcibly();
            watchdog.interrupt();
        }
        assertTrue(said, "the run never said '" + text + "':\n" + seen);
    }

    private static JsonNode status(Path state) throws Exception {
        return Json.mapper().readTree(CliRun.runArgs("status", "--state-dir", state.toString(), "--json").out());
    }

    private static String normalised(JsonNode status) {
        ObjectNode o = status.deepCopy();
        return Json.pretty(o).replaceAll(RUN_ID, "RUN");
    }
}
