package msb.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import msb.bench.SyntheticBars;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.CliRun;
import msb.data.RawStore;
import msb.model.ArtifactManifest;
import msb.model.ArtifactStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code msb train} through the command line: exit codes, the last stdout line, LATEST handling. */
class TrainCommandTest {
    static String lastLine(StringWriter out) {
        List<String> lines = out.toString().lines().toList();
        return lines.getLast();
    }

    @Test
    void alwaysUpExitsThreeWithTheRunDirLastAndNoLatest(@TempDir Path home) {
        Workspace ws = Workspace.at(home);
        RawStore.replace(ws, "BTC", "synth", SyntheticBars.minutes(20_000, 8), "synth.csv", "", "csv");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = CliRun.execute(out, err, "--home", home.toString(), "train", "--tf", "5m", "--model", "always-up", "--quiet");
        assertEquals(3, code, err.toString());
        Path dir = Path.of(lastLine(out));
        assertTrue(dir.isAbsolute() && Files.isRegularFile(dir.resolve(ArtifactManifest.FILE)), dir.toString());
        for (String v : new String[]{"direction_skill", "inert", "one_sided"}) assertTrue(err.toString().contains(v), v + ": " + err);
        assertFalse(Files.exists(ws.modelsDir("BTC", Timeframe.M5).resolve(ArtifactStore.LATEST)));
        assertEquals("5m", ArtifactStore.verifiedManifest(dir).tf());
    }

    @Test
    void experimentFileSetsModelSeedAndHyperparametersAndNoPromoteKeepsLatest(@TempDir Path home) throws Exception {
        Workspace ws = Workspace.at(home);
        RawStore.replace(ws, "BTC", "synth", SyntheticBars.minutes(20_000, 8), "synth.csv", "", "csv");
        Path exp = home.resolve("exp.yaml");
        Files.writeString(exp, """
                tf: 5m
                model: logreg
                seed: 9
                hyperparameters:
                  logreg: {lambda: 0.5}
                  gates: {min_train_rows: 500}
                """);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = CliRun.execute(out, err, "--home", home.toString(), "train", "--experiment", exp.toString(), "--no-promote", "--quiet");
        assertTrue(code == 0 || code == 3, err.toString());
        ArtifactManifest m = ArtifactStore.verifiedManifest(Path.of(lastLine(out)));
        assertEquals("logreg", m.model());
        assertEquals(9, m.seed());
        assertEquals(0.5, m.hyperparameters().logreg().lambda());
        assertEquals(500, m.hyperparameters().gates().minTrainRows());
        assertFalse(m.promoted());
        assertFalse(Files.exists(ws.modelsDir("BTC", Timeframe.M5).resolve(ArtifactStore.LATEST)));
        assertTrue(Files.list(ws.runsDir()).anyMatch(p -> p.getFileName().toString().contains(m.runId())));
    }

    @Test
    void relaxedGateSettingsAreRecordedButNeverPromoted(@TempDir Path home) throws Exception {
        Workspace ws = Workspace.at(home);
        RawStore.replace(ws, "BTC", "synth", SyntheticBars.minutes(20_000, 8), "synth.csv", "", "csv");
        Path exp = home.resolve("relaxed.yaml");
        Files.writeString(exp, """
                tf: 5m
                model: always-up
                hyperparameters:
                  gates: {min_action_share_frac: 0.0, max_ece_frac: 1.0}
                """);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = CliRun.execute(out, err, "--home", home.toString(), "train", "--experiment", exp.toString(), "--quiet");
        assertEquals(3, code, err.toString());
        ArtifactManifest m = ArtifactStore.verifiedManifest(Path.of(lastLine(out)));
        assertFalse(m.promoted());
        assertFalse(m.gates().get("gate_settings").passed());
        assertTrue(m.gates().get("gate_settings").detail().contains("min_action_share_frac 0.0000 < 0.0200"), m.gates().toString());
        assertTrue(m.gates().get("gate_settings").detail().contains("max_ece_frac 1.0000 > 0.0500"), m.gates().toString());
        assertTrue(err.toString().contains("gate_settings"), err.toString());
        assertFalse(Files.exists(ws.modelsDir("BTC", Timeframe.M5).resolve(ArtifactStore.LATEST)));
    }

    @Test
    void badExperimentKeyAndMissingTfExitTwo(@TempDir Path home) throws Exception {
        Path exp = home.resolve("exp.yaml");
        Files.writeString(exp, "hyperparameters:\n  gbm: {treez: 5}\n");
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(2, CliRun.execute(out, err, "--home", home.toString(), "train", "--tf", "24h", "--experiment", exp.toString()));
        assertTrue(err.toString().contains("treez"), err.toString());
        assertEquals(2, CliRun.execute(out, err, "--home", home.toString(), "train"));
        assertEquals(2, CliRun.execute(out, err, "--home", home.toString(), "train", "--tf", "24h", "--model", "xgb"));
    }

    @Test
    @Tag("realdata")
    void coinbase4hAlwaysUpAt24hNamesTheFailedVerdicts(@TempDir Path home) {
        String shared = System.getProperty("msb.shared.data");
        Path file = shared == null ? null : Path.of(shared, "ta4j", "Coinbase-BTC-USD-PT4H-20160518_20251028.json");
        Assumptions.assumeTrue(file != null && Files.exists(file), "shared Coinbase 4h file absent; skipping");
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, CliRun.execute(out, err, "--home", home.toString(), "data", "import", "--in", file.toString()), err.toString());
        out = new StringWriter();
        int code = CliRun.execute(out, err, "--home", home.toString(), "train", "--tf", "24h", "--model", "always-up", "--quiet");
        assertEquals(3, code, err.toString());
        assertTrue(err.toString().contains("direction_skill"), err.toString());
        ArtifactManifest m = ArtifactStore.verifiedManifest(Path.of(lastLine(out)));
        assertEquals("24h", m.tf());
        assertTrue(m.trainRows() >= 1000, "the 24h dataset has enough rows: " + m.trainRows());
        assertFalse(m.gates().get("direction_skill").passed());
        assertFalse(m.gates().get("one_sided").passed() && m.gates().get("inert").passed(), "always-up is one-sided or inert");
    }
}
