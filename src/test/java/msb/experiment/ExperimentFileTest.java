package msb.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.dataset.LabelSpec;
import msb.model.Hyperparameters;
import msb.model.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentFileTest {
    @TempDir Path dir;

    private Path spec(String text) throws IOException {
        Path exp = Files.createDirectories(dir.resolve("experiments"));
        return Files.writeString(exp.resolve("x.yaml"), text);
    }

    private UserInputException bad(String text) throws IOException {
        Path f = spec(text);
        UserInputException e = assertThrows(UserInputException.class, () -> ExperimentFile.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), "names the file: " + e.getMessage());
        return e;
    }

    @Test
    void fullSpecParsesWithDefaultsOverlaid() throws IOException {
        Experiment e = ExperimentFile.read(spec("""
                name: demo
                tf: 24h
                data: {source: ../shared/data/x.json, format: coinbase-json}
                model: gbm
                seed: 9
                label: {kind: fixed, threshold_bps: 25, horizon_bars: 2}
                hyperparameters: {gbm: {trees: 33}, gates: {min_train_rows: 500}}
                walk_forward: {window: rolling, train_bars: 800, refit_every_bars: 100, embargo_bars: 5, max_folds: 4}
                """));
        assertEquals("demo", e.name());
        assertEquals(Timeframe.H24, e.tf());
        assertEquals("BTC", e.symbol());
        assertEquals(ModelKind.GBM, e.model());
        assertEquals(9, e.seed());
        assertEquals(new LabelSpec(2, LabelSpec.Kind.FIXED, 25, LabelSpec.DEFAULT.k(), LabelSpec.DEFAULT.volWindowBars()), e.label());
        assertEquals(33, e.hyperparameters().gbm().trees());
        assertEquals(500, e.hyperparameters().gates().minTrainRows());
        assertEquals(Hyperparameters.defaults(Timeframe.H24).rf(), e.hyperparameters().rf(), "untouched groups keep the defaults");
        assertEquals(dir.resolve("../shared/data/x.json").normalize(), e.data().fileOrNull(), "relative to the repository root");
        assertEquals("coinbase-json", e.data().format());
        WalkForwardSpec wf = e.walkForwardOrNull();
        assertEquals(WalkForwardSpec.Window.ROLLING, wf.window());
        assertEquals(2, wf.purgeBars(2), "purge defaults to the label horizon");
        assertEquals(5, wf.embargoBars());
        assertEquals(4, wf.maxFolds());
    }

    @Test
    void minimalSpecTakesDefaults() throws IOException {
        Experiment e = ExperimentFile.read(spec("tf: 5m\ndata: {source: embedded}\n"));
        assertEquals("x", e.name());
        assertTrue(e.data().embedded());
        assertEquals(ModelKind.STACK, e.model());
        assertEquals(LabelSpec.DEFAULT, e.label());
        assertEquals(Hyperparameters.defaults(Timeframe.M5), e.hyperparameters());
        assertNull(e.walkForwardOrNull());
    }

    @Test
    void badFieldsNameFileFieldAndFix() throws IOException {
        assertTrue(bad("data: {source: embedded}\n").getMessage().contains("field 'tf' is missing; add e.g."));
        assertTrue(bad("tf: 25h\ndata: {source: embedded}\n").getMessage().contains("field 'tf': unknown timeframe '25h'; use one of"));
        assertTrue(bad("tf: 5m\n").getMessage().contains("field 'data' is missing"));
        assertTrue(bad("tf: 5m\ndata: {source: embedded}\nmodle: gbm\n").getMessage().contains("field 'modle' is unknown"));
        assertTrue(bad("tf: 5m\ndata: {source: embedded}\nmodel: xgb\n").getMessage().contains("field 'model': unknown model 'xgb'"));
        assertTrue(bad("tf: 5m\ndata: {source: embedded}\nseed: abc\n").getMessage().contains("field 'seed': 'abc' is not a whole number"));
        assertTrue(bad("tf: 5m\ndata: {source: embedded, format: xls}\n").getMessage().contains("field 'data.format'"));
        assertTrue(bad("tf: 5m\ndata: {source: embedded}\nlabel: {horizon: 2}\n").getMessage().contains("field 'label.horizon' is unknown"));
        assertTrue(bad("tf: 5m\ndata: {source: embedded}\nlabel: {horizon_bars: 0}\n").getMessage().contains("horizonBars must be in [1, 1000]"));
        assertTrue(bad("tf: 5m\ndata: {source: embedded}\nhyperparameters: {xgb: {}}\n").getMessage()
                .contains("field 'hyperparameters.xgb' is unknown"));
        assertTrue(bad("tf: 5m\ndata: {source: embedded}\nhyperparameters: {gbm: {tres: 3}}\n").getMessage()
                .contains("field 'hyperparameters.gbm.tres' is unknown"));
        assertTrue(bad("tf: 5m\ndata: {source: embedded}\nhyperparameters: {gates: {min_train_rows: 0}}\n").getMessage()
                .contains("line 3: field 'hyperparameters.gates.min_train_rows': gates.min_train_rows must be >= 1"));
        assertTrue(bad("tf: 5m\ndata: {source: embedded}\nwalk_forward: {train_bars: 500}\n").getMessage()
                .contains("field 'walk_forward.refit_every_bars' is missing"));
        assertTrue(bad("tf: 5m\ndata: {source: embedded}\nwalk_forward: {window: sliding, train_bars: 500, refit_every_bars: 50}\n")
                .getMessage().contains("field 'walk_forward.window': 'sliding' is not a window; use rolling or expanding"));
        assertTrue(bad("tf: 5m\ndata: {source: embedded}\nwalk_forward: {train_bars: 500, refit_every_bars: 50, val_frac: 1.5}\n")
                .getMessage().contains("val_frac must be in (0, 0.9)"));
        assertTrue(bad("tf: [5m\n").getMessage().contains("not valid YAML"));
        assertTrue(bad("- a\n- b\n").getMessage().contains("is a mapping"));
    }

    @Test
    void unknownKeysNameTheLineAndTheClosestKnownKeyAtEveryLevel() throws IOException {
        String m = bad("tf: 5m\ndata: {source: embedded}\nwalk_forward:\n  train_bars: 500\n  refit_every_bars: 50\n  embargo_bar: 3\n")
                .getMessage();
        assertTrue(m.contains("x.yaml line 6: field 'walk_forward.embargo_bar' is unknown; did you mean 'embargo_bars'?"), m);
        m = bad("tf: 5m\ndata: {source: embedded}\nseeds: 3\n").getMessage();
        assertTrue(m.contains("x.yaml line 3: field 'seeds' is unknown; did you mean 'seed'?"), m);
        m = bad("tf: 5m\n---\ndata: {source: synth, synth: {bars: 500, skil: 0.3}}\n").getMessage();
        assertTrue(m.contains("x.yaml line 3: field 'data.synth.skil' is unknown; did you mean 'skill'?"), m);
        m = bad("tf: 5m\ndata: {source: synth, synth: {bars: lots}}\n").getMessage();
        assertTrue(m.contains("field 'data.synth.bars': 'lots' is not a whole number"), m);
        m = bad("tf: 5m\ndata: {source: embedded}\nwalk_forward: {train_bars: 500.5, refit_every_bars: 50}\n").getMessage();
        assertTrue(m.contains("field 'walk_forward.train_bars'") && m.contains("not a whole number"), m);
    }

    @Test
    void partialSectionsKeepTheirOtherDefaults() throws IOException {
        Experiment e = ExperimentFile.read(spec("tf: 5m\ndata: {source: embedded}\nlabel: {kind: Fixed}\n"
                + "hyperparameters: {gbm: {trees: 7}}\n"));
        assertEquals(LabelSpec.DEFAULT.horizonBars(), e.label().horizonBars());
        assertEquals(LabelSpec.Kind.FIXED, e.label().kind(), "kinds are read whatever their case");
        assertEquals(7, e.hyperparameters().gbm().trees());
        Hyperparameters d = Hyperparameters.defaults(Timeframe.M5);
        assertEquals(d.gbm().maxDepth(), e.hyperparameters().gbm().maxDepth());
        assertEquals(d.rf(), e.hyperparameters().rf());
    }

    @Test
    void sharedDataEnvIsTheFallbackForAbsentSharedPaths() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("a/repo"));
        String src = "../shared/data/ta4j/f.json";
        assertEquals(dir.resolve("a/shared/data/ta4j/f.json"), ExperimentFile.resolveSource(repo, src, null));
        assertEquals(dir.resolve("elsewhere/ta4j/f.json"), ExperimentFile.resolveSource(repo, src, dir.resolve("elsewhere").toString()));
        Files.createDirectories(dir.resolve("a/shared/data/ta4j"));
        Files.writeString(dir.resolve("a/shared/data/ta4j/f.json"), "{}");
        assertEquals(dir.resolve("a/shared/data/ta4j/f.json"), ExperimentFile.resolveSource(repo, src, dir.resolve("elsewhere").toString()),
                "the path next to the repository wins when it exists");
        assertEquals(dir.resolve("a/other.csv"), ExperimentFile.resolveSource(repo, "../other.csv", dir.toString()));
    }

    /** The committed specs parse, cover every timeframe, and point at the shared data or the embedded data. */
    @Test
    void committedSpecsAreValid() throws IOException {
        Path exp = Path.of("experiments");
        List<Path> specs;
        try (Stream<Path> s = Files.list(exp)) {
            specs = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (String tf : List.of("5m", "1h", "12h", "24h")) {
            Experiment e = ExperimentFile.read(exp.resolve(tf + ".yaml"));
            assertEquals(Timeframe.parse(tf), e.tf());
            assertTrue(e.walkForwardOrNull() != null, tf + " has walk-forward settings");
            assertTrue(e.data().declared().startsWith("../shared/data/"), tf + " reads ../shared/data: " + e.data().declared());
            String shared = System.getProperty("msb.shared.data");
            if (shared != null && Files.isDirectory(Path.of(shared)) && Files.isDirectory(Path.of("../shared/data"))) {
                assertTrue(Files.isRegularFile(e.data().fileOrNull()), tf + ": " + e.data().fileOrNull() + " exists");
            }
        }
        for (Path p : specs) {
            Experiment e = ExperimentFile.read(p);
            // one format: train --experiment reads the same file (its first YAML document) and agrees
            msb.model.ExperimentSpec m = msb.model.ExperimentSpec.read(p);
            assertEquals(e.tf(), m.tf(), p.toString());
            assertEquals(e.model(), m.model() == null ? ModelKind.STACK : m.model(), p.toString());
            assertEquals(e.hyperparameters(), m.hyperparametersFor(e.tf(), p), p.toString());
        }
    }

    @Test
    void twoDocumentsModelPartThenExperimentPart() throws IOException {
        Experiment e = ExperimentFile.read(spec("tf: 12h\nmodel: rf\n---\nname: two\ndata: {source: embedded}\n"));
        assertEquals("two", e.name());
        assertEquals(ModelKind.RF, e.model());
        assertTrue(bad("tf: 12h\ndata: {source: embedded}\n---\nname: two\n").getMessage()
                .contains("field 'data' belongs in the second document"));
        assertTrue(bad("tf: 12h\n---\ntf: 24h\ndata: {source: embedded}\n").getMessage()
                .contains("field 'tf' appears in both documents"));
    }
}
