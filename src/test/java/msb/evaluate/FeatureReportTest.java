package msb.evaluate;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import msb.core.Json;
import msb.core.Timeframe;
import msb.dataset.Dataset;
import msb.dataset.Split;
import msb.model.Hyperparameters;
import msb.signal.Skill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A planted feature that drives the label, an inverse copy of it, and pure noise. */
class FeatureReportTest {
    static final int ROWS = 3000;
    static final List<String> COLUMNS = List.of("noise", "planted", "planted_inverse", "noise_2");

    /** 70% TRAIN, 30% VAL; label = sign of planted + noise beyond +-0.5; planted_inverse = -planted + small noise. */
    static Dataset dataset(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] ts = new long[ROWS];
        double[][] x = new double[ROWS][];
        int[] label = new int[ROWS];
        Split[] split = new Split[ROWS];
        double[] close = new double[ROWS], fwd = new double[ROWS];
        double price = 30_000;
        for (int i = 0; i < ROWS; i++) {
            ts[i] = 1_600_000_000L + i * 3600L;
            double planted = gauss(rnd);
            x[i] = new double[]{gauss(rnd), planted, -planted + 0.2 * gauss(rnd), gauss(rnd)};
            double latent = 0.8 * planted + gauss(rnd);
            label[i] = latent > 0.5 ? 1 : latent < -0.5 ? -1 : 0;
            fwd[i] = latent * 0.01;
            price *= 1 + fwd[i];
            close[i] = price;
            split[i] = i < ROWS * 0.7 ? Split.TRAIN : Split.VAL;
        }
        return new Dataset(Timeframe.H1, "BTC", COLUMNS, "test-schema", ts, x, label, split, close, fwd, "test-" + seed);
    }

    static double gauss(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble(), v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static FeatureReport.Report report(long seed) {
        return FeatureReport.of(dataset(seed), 1, Hyperparameters.defaults(Timeframe.H1), Skill.BootstrapOptions.DEFAULTS, 7);
    }

    static FeatureReport.FeatureSkill feature(FeatureReport.Report r, String name) {
        return r.features().stream().filter(f -> f.feature().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void plantedFeatureRanksFirstAndCarriesInformationNoiseDoesNot() {
        FeatureReport.Report r = report(11);
        assertEquals(COLUMNS.size(), r.features().size());
        assertTrue(List.of("planted", "planted_inverse").contains(r.features().getFirst().feature()), r.features().getFirst().feature());
        FeatureReport.FeatureSkill planted = feature(r, "planted"), noise = feature(r, "noise");
        assertTrue(planted.val().directionAuc().lowerBoundAbove(0.5), planted.toString());
        assertTrue(planted.carriesInformation());
        assertEquals("up", planted.direction());
        assertTrue(planted.val().ic().lo() > 0, planted.toString());
        Skill.Estimate n = noise.val().directionAuc();
        assertTrue(n.lo() < 0.5 && n.hi() > 0.5, n.toString());
        assertFalse(noise.carriesInformation());
        assertTrue(planted.aucEdge() > noise.aucEdge() && planted.aucEdge() > feature(r, "noise_2").aucEdge());
        assertEquals(2, r.featuresCarryingInformation(), r.toString());
    }

    @Test
    void anInverseFeatureCarriesInformationToo() {
        FeatureReport.FeatureSkill inv = feature(report(11), "planted_inverse");
        assertTrue(inv.val().directionAuc().hi() < 0.5, inv.toString());
        assertTrue(inv.carriesInformation());
        assertEquals("inverse", inv.direction());
        assertEquals("carries information (inverse)", FeatureReportWriter.verdict(inv));
    }

    @Test
    void permutationImportanceOfThePlantedPairExceedsTheNoise() {
        FeatureReport.Report r = report(11);
        assertTrue(r.model().valDirectionAuc() > 0.6, r.model().toString());
        FeatureReport.Permutation noise = feature(r, "noise").permutation(), noise2 = feature(r, "noise_2").permutation();
        // the model may lean on either of the two near-copies: their joint importance is what must show
        double plantedDrop = Math.max(feature(r, "planted").permutation().aucDrop(), feature(r, "planted_inverse").permutation().aucDrop());
        double plantedRise = Math.max(feature(r, "planted").permutation().logLossRise(), feature(r, "planted_inverse").permutation().logLossRise());
        assertTrue(plantedDrop > 0, r.toString());
        assertTrue(plantedDrop > noise.aucDrop() && plantedDrop > noise2.aucDrop(), r.toString());
        assertTrue(plantedRise > noise.logLossRise() && plantedRise > noise2.logLossRise(), r.toString());
    }

    @Test
    void correlatedFeaturesFormOneClusterAndTheNoiseNone() {
        FeatureReport.Report r = report(11);
        assertEquals(1, r.clusters().size(), r.clusters().toString());
        assertEquals(List.of("planted", "planted_inverse"), r.clusters().getFirst().features());
        assertTrue(r.clusters().getFirst().maxAbsSpearman() >= FeatureReport.CLUSTER_MIN_ABS_SPEARMAN);
    }

    @Test
    void sameSeedSameReport() {
        assertEquals(Json.pretty(report(11)), Json.pretty(report(11)));
    }

    @Test
    void writesMarkdownJsonAndChart(@TempDir Path dir) throws Exception {
        FeatureReport.Report r = report(11);
        FeatureReportWriter.write(r, dir.resolve("out"), "msb features report --tf 1h");
        assertTrue(Files.size(dir.resolve("out").resolve(FeatureReportWriter.CHART)) > 1000);
        assertTrue(Files.readString(dir.resolve("out/report.md")).contains("planted_inverse"));
        var doc = Json.mapper().readTree(dir.resolve("out/report.json").toFile());
        assertEquals(COLUMNS.size(), doc.get("features").size());
        assertTrue(doc.get("features").get(0).get("val").get("direction_auc").get("lo").isNumber());
    }
}
