package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import msb.core.Hashing;
import msb.core.Json;
import msb.data.CliRun;
import msb.model.ArtifactManifest;
import msb.model.ArtifactStore;
import msb.model.ModelKind;
import msb.model.TrainResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift monitoring through `msb train` / `run-live` / `status`, and an artifact from before it (format 2). */
class DriftRunLiveTest {
    /** Values copied or restored, not recomputed, compare bit for bit. */
    private static final double EXACT = 0.0;

    static final double FRAC_SUM_TOLERANCE = 1e-9;
    @TempDir
    static Path home;
    static TrainResult trained;

    @BeforeAll
    static void train() {
        trained = LiveFixture.homeWithPromotedArtifact(home, 5_000, ModelKind.LOGREG);
    }

    @Test
    void theManifestKeepsEveryFeaturesTrainBins() {
        ArtifactManifest m = ArtifactStore.verifiedManifest(trained.runDir());
        assertEquals(ArtifactManifest.FORMAT_VERSION, m.formatVersion());
        var d = m.trainDistribution();
        assertEquals("train", d.split());
        assertEquals(m.trainRows(), d.rows());
        assertEquals(m.columns(), m.columns().stream().filter(d.features()::containsKey).toList(), "every column has bins");
        for (var e : d.features().entrySet()) {
            double sum = 0;
            for (double f : e.getValue().fractions()) sum += f;
            assertEquals(1.0, sum, FRAC_SUM_TOLERANCE, e.getKey());
            assertTrue(e.getValue().bins() >= 1 && e.getValue().bins() <= d.bins(), e.getKey());
        }
    }

    @Test
    void runLiveMonitorsDriftAndStatusShowsIt() throws Exception {
        Path state = home.resolve("state-drift");
        CliRun r = CliRun.runArgs("--home", home.toString(), "run-live", "--tf", "5m", "--state-dir", state.toString(),
                "--drift-window-bars", "300", "--drift-alert-psi", "0.25");
        assertEquals(0, r.code(), r.err());
        JsonNode s = Json.mapper().readTree(CliRun.runArgs("status", "--state-dir", state.toString(), "--json").out());
        JsonNode d = s.get("drift");
        assertEquals(300, d.get("window_bars").asInt());
        assertEquals(300, d.get("filled_bars").asInt());
        assertEquals(0.25, d.get("alert_psi").asDouble(), EXACT);
        assertTrue(d.get("halt_psi").isNull(), "no halt by default: " + d);
        assertTrue(d.get("top").size() > 0 && d.get("top").get(0).get("psi").asDouble() >= 0, d.toString());
        CliRun text = CliRun.runArgs("status", "--state-dir", state.toString());
        assertTrue(text.out().contains("drift") && text.out().contains("window 300 bars"), text.out());
        CliRun mon = CliRun.runArgs("monitor", "--state-dir", state.toString(), "--once");
        assertEquals(0, mon.code(), mon.err());
        assertTrue(mon.out().contains("drift PSI"), mon.out());
    }

    @Test
    void evaluateShowsEachFeaturesTestVsTrainPsi() throws Exception {
        CliRun r = CliRun.runArgs("--home", home.toString(), "evaluate", "--artifact", trained.runDir().toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = Json.mapper().readTree(r.out());
        JsonNode a = root.has("artifacts") ? root.get("artifacts").get(0) : root;
        JsonNode psi = a.get("feature_psi");
        ArtifactManifest m = ArtifactStore.verifiedManifest(trained.runDir());
        assertEquals(m.columns().size(), psi.size(), psi.toString());
        for (String c : m.columns()) assertTrue(psi.get(c).asDouble() >= 0, c + ": " + psi);
    }

    @Test
    void aBadDriftSettingIsExit2NamingTheFlag() {
        CliRun r = CliRun.runArgs("--home", home.toString(), "run-live", "--tf", "5m", "--state-dir", home.resolve("state-bad").toString(),
                "--drift-window-bars", "20");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--drift-window-bars 20") && r.err().contains(">= " + DriftConfig.MIN_WINDOW_BARS), r.err());
    }

    @Test
    void anArtifactWithoutTrainBinsStillLoadsAndRunsWithDriftOff() throws Exception {
        Path old = home.resolve("models/BTC/5m/format2-run");
        Files.createDirectories(old);
        try (var files = Files.list(trained.runDir())) {
            for (Path f : files.toList()) Files.copy(f, old.resolve(f.getFileName()));
        }
        ObjectNode m = (ObjectNode) Json.mapper().readTree(old.resolve("manifest.json").toFile());
        m.remove("train_distribution");
        m.put("format_version", 2);
        m.remove("content_sha256");
        m.put("content_sha256", Hashing.sha256(Json.pretty(m)));
        Files.writeString(old.resolve("manifest.json"), Json.pretty(m));
        Path state = home.resolve("state-format2");
        CliRun r = CliRun.runArgs("--home", home.toString(), "run-live", "--tf", "5m", "--artifact", old.toString(),
                "--state-dir", state.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.err().split("drift monitoring is off", -1).length - 1, "said once: " + r.err());
        JsonNode s = Json.mapper().readTree(CliRun.runArgs("status", "--state-dir", state.toString(), "--json").out());
        assertTrue(s.get("drift") == null || s.get("drift").isNull(), s.toString());
        assertTrue(s.get("bars_processed").asLong() > 0);
    }
}
