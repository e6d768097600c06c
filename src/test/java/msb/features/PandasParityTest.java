package msb.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import msb.bench.MinuteCsv;
import msb.core.Timeframe;
import msb.data.Bars;
import msb.data.Resampler;
import msb.dataset.Dataset;
import msb.dataset.DatasetBuilder;
import msb.dataset.LabelSpec;
import msb.dataset.SplitSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 12 price/volume features (and the +-10 bps label) against the pandas reference pipeline
 * (shared/tools/ref_features.py) on a gen_1m.py file. Skips when python3 with pandas or the tools are absent.
 */
class PandasParityTest {
    private static final String[] FEATURES = {"mom_1", "mom_3", "mr_ema20_z", "rv_1h", "regime_high_vol", "gk_volatility",
            "jump_magnitude", "volume_intensity", "price_efficiency", "price_volume_corr", "vwap_momentum", "depth_proxy"};

    static Path tools() {
        // ../shared/tools beside the repository (the profile passes ../shared/data; tools sit next to it).
        String data = System.getProperty("msb.shared.data", "../shared/data");
        for (Path p : new Path[]{Path.of(data).resolve("../tools"), Path.of("../shared/tools")}) {
            if (Files.isRegularFile(p.resolve("ref_features.py"))) return p.normalize();
        }
        return null;
    }

    static boolean run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("py.log").toFile()).start();
        return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Test
    void matchesPandasReference(@TempDir Path dir) throws Exception {
        Path tools = tools();
        Assumptions.assumeTrue(tools != null, "shared/tools/ref_features.py not found");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3"))
                && run(dir, "/usr/bin/python3", "-c", "import pandas, numpy"), "/usr/bin/python3 lacks pandas");
        Path in = dir.resolve("1m.csv");
        assertTrue(run(dir, "/usr/bin/python3", tools.resolve("gen_1m.py").toString(), "40000", in.toString(), "7"));
        assertTrue(run(dir, "/usr/bin/python3", tools.resolve("ref_features.py").toString(), in.toString(),
                dir.resolve("ref").toString()), () -> "ref_features.py failed: " + log(dir));
        Bars minutes = MinuteCsv.read(in);
        int compared = 0;
        for (Timeframe tf : new Timeframe[]{Timeframe.M5, Timeframe.H1}) {
            Bars bars = Resampler.resample(minutes, tf.seconds()).bars();
            Dataset d = DatasetBuilder.compute(bars, null, null, tf, "T", LabelSpec.fixed(1, 10), SplitSpec.DEFAULT).dataset();
            List<String> lines = Files.readAllLines(dir.resolve("ref").resolve(tf.label() + ".csv"));
            String[] header = lines.get(0).split(",");
            assertEquals(d.rows(), lines.size() - 1, tf + " row count");
            for (int r = 0; r < d.rows(); r++) {
                String[] p = lines.get(r + 1).split(",");
                for (int k = 0; k < FEATURES.length; k++) {
                    assertEquals(FEATURES[k], header[k + 1]);
                    double want = Double.parseDouble(p[k + 1]);
                    double got = d.x()[r][k];
                    double tol = 1e-9 * Math.max(Math.abs(want), Math.abs(got)) + 1e-12;
                    assertEquals(want, got, tol, tf + " row " + r + " " + FEATURES[k]);
                }
                assertEquals(Integer.parseInt(p[FEATURES.length + 1]) - 1, d.label()[r], tf + " row " + r + " label");
                compared++;
            }
        }
        assertTrue(compared > 7000, "compared " + compared + " rows");
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("py.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
