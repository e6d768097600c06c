package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import msb.core.Json;
import msb.data.CliRun;
import msb.model.ArtifactManifest;
import msb.model.ArtifactStore;
import msb.model.ModelKind;
import msb.model.TrainResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `msb evaluate --from/--to` on the stored bars: features and labels recomputed in memory, out-of-sample rows
 * only. A synthetic 5m workspace with a trained logistic regression (two-sided signals).
 */
class EvaluateRangeTest {
    @TempDir static Path home;
    static TrainResult trained;
    static ArtifactManifest manifest;

    static CliRun msb(String... args) {
        return CliRun.run(home, args);
    }

    @BeforeAll
    static void trainedWorkspace() {
        trained = msb.live.LiveFixture.homeWithArtifact(home, 3_000, ModelKind.LOGREG);
        manifest = ArtifactStore.verifiedManifest(trained.runDir());
    }

    @Test
    void theTestSplitAsARangeGivesTheSameEvaluationAsTheTestSplit() throws Exception {
        var test = manifest.splits().get("test");
        CliRun split = msb("evaluate", "--artifact", trained.runDir().toString(), "--json");
        assertEquals(0, split.code(), split.err());
        CliRun range = msb("evaluate", "--artifact", trained.runDir().toString(), "--json",
                "--from", Long.toString(test.firstTs()), "--to", java.time.Instant.ofEpochSecond(test.lastTs()).toString());
        assertEquals(0, range.code(), range.err());
        JsonNode a = Json.mapper().readTree(split.out()).get("artifacts").get(0);
        JsonNode b = Json.mapper().readTree(range.out()).get("artifacts").get(0);
        assertEquals(test.rows(), b.get("metrics").get("rows").asInt());
        for (String k : List.of("rows", "balanced_accuracy", "log_loss", "brier", "mcc", "ic", "sharpe_net", "round_trips")) {
            assertEquals(a.get("metrics").get(k).asDouble(), b.get("metrics").get(k).asDouble(), 1e-12, k);
        }
        assertEquals(a.get("funnel"), b.get("funnel"), "the same decision replay");
        assertEquals(a.get("label_shares"), b.get("label_shares"), "the artifact's label definition");
        assertTrue(b.get("metrics").get("evaluated_on").asText().startsWith("stored 5m bars"), b.toString());
        assertTrue(a.get("metrics").get("evaluated_on").asText().startsWith("test split"), a.toString());
        assertEquals("none (no cohort data)", b.get("funnel").get("mood").asText());
        assertTrue(range.err().contains("stored bars") && range.err().contains("out-of-sample"), range.err());
    }

    @Test
    void aRangeOverFittedOrValidatedBarsIsRefusedNamingTheOverlapAndTheAllowedStart() {
        var val = manifest.splits().get("val");
        var train = manifest.splits().get("train");
        long allowedFrom = val.lastTs() + 300; // horizon 1 bar of 5m
        CliRun r = msb("evaluate", "--artifact", trained.runDir().toString(), "--from", Long.toString(train.lastTs() - 3_000));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("fitted or validated") && r.err().contains("--from " + allowedFrom), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
        // one bar before the allowed start is still refused; from the allowed start on it is scored
        assertEquals(2, msb("evaluate", "--artifact", trained.runDir().toString(), "--from", Long.toString(allowedFrom - 300)).code());
        CliRun ok = msb("evaluate", "--artifact", trained.runDir().toString(), "--from", Long.toString(allowedFrom));
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("mood: none (no cohort data)"), ok.out());
    }

    @Test
    void withoutCohortDataRunLiveSaysMoodNone() throws Exception {
        Path state = home.resolve("state-no-cohorts");
        CliRun r = msb("run-live", "--tf", "5m", "--state-dir", state.toString(), "--max-bars", "300");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("mood") && l.contains("none (no cohort data)")), r.out());
        CliRun st = msb("status", "--state-dir", state.toString(), "--json");
        assertEquals("none (no cohort data)", Json.mapper().readTree(st.out()).get("mood").asText());
    }

    @Test
    void badTimesAndEmptyRangesExitTwo() {
        CliRun bad = msb("evaluate", "--artifact", trained.runDir().toString(), "--from", "yesterday");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--from 'yesterday'"), bad.err());
        CliRun swapped = msb("evaluate", "--artifact", trained.runDir().toString(), "--from", "2030-01-02", "--to", "2030-01-01");
        assertEquals(2, swapped.code());
        assertTrue(swapped.err().contains("swap"), swapped.err());
        CliRun empty = msb("evaluate", "--artifact", trained.runDir().toString(), "--from", "2030-01-01");
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("no labelled stored 5m bar"), empty.err());
    }

    @Test
    void isoDatesMeanWholeDaysAndUnixSecondsAreAccepted() {
        assertEquals(1_714_521_600L, msb.evaluate.EvalRange.parse("--from", "2024-05-01", false));
        assertEquals(1_714_607_999L, msb.evaluate.EvalRange.parse("--to", "2024-05-01", true));
        assertEquals(1_714_564_800L, msb.evaluate.EvalRange.parse("--from", "2024-05-01T12:00:00Z", false));
        assertEquals(1_714_557_600L, msb.evaluate.EvalRange.parse("--from", "2024-05-01T12:00:00+02:00", false));
        assertEquals(1_714_564_800L, msb.evaluate.EvalRange.parse("--from", "2024-05-01 12:00:00", false));
        assertEquals(1_714_564_800L, msb.evaluate.EvalRange.parse("--from", "1714564800", false));
    }
}
