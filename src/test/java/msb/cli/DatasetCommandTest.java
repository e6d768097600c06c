package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import msb.bench.SyntheticBars;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.CliRun;
import msb.data.RawStore;
import msb.dataset.Dataset;
import msb.dataset.DatasetStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dataset build}, {@code dataset show} and {@code bench dataset} through the command line. */
class DatasetCommandTest {

    @Test
    void showPrintsTheContractCsvWithRoundTripPrecision(@TempDir Path home) {
        Workspace ws = Workspace.at(home);
        RawStore.replace(ws, "BTC", "synth", SyntheticBars.minutes(20_000, 8), "synth.csv", "", "csv");
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, CliRun.execute(out, err, "--home", home.toString(), "dataset", "build", "--tf", "5m"), err.toString());
        out = new StringWriter();
        assertEquals(0, CliRun.execute(out, err, "--home", home.toString(), "dataset", "show", "--tf", "5m"), err.toString());
        List<String> lines = out.toString().lines().toList();
        Dataset d = DatasetStore.load(ws, "BTC", Timeframe.M5);
        assertEquals("ts," + String.join(",", d.columns()) + ",label,split", lines.get(0));
        assertEquals(d.rows() + 1, lines.size());
        for (int r : new int[]{0, d.rows() / 2, d.rows() - 1}) {
            String[] p = lines.get(r + 1).split(",");
            assertEquals(d.ts()[r], Long.parseLong(p[0]));
            for (int j = 0; j < d.columns().size(); j++) assertEquals(d.x()[r][j], Double.parseDouble(p[j + 1]));
            assertEquals(d.label()[r], Integer.parseInt(p[p.length - 2]));
            assertEquals(d.split()[r].label(), p[p.length - 1]);
        }
        assertTrue(lines.get(lines.size() - 1).endsWith(",test"));

        // --parquet: the same table in a Parquet file under --home, read back equal
        out = new StringWriter();
        assertEquals(0, CliRun.execute(out, err, "--home", home.toString(), "dataset", "show", "--tf", "5m",
                "--parquet", "exports/btc-5m.parquet"), err.toString());
        Path file = home.resolve("exports/btc-5m.parquet");
        assertTrue(out.toString().startsWith("wrote " + file), out.toString());
        msb.core.Table t;
        try {
            t = msb.core.ParquetFiles.read(file.toString(), java.nio.file.Files.readAllBytes(file), null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(d.rows(), t.rows());
        assertEquals(d.columns().size() + 4, t.columns().size(), "time, ts, features, label, split");
        for (int j = 0; j < d.columns().size(); j++) {
            double[] col = ((msb.core.Table.Doubles) t.column(d.columns().get(j))).values();
            // Parquet stores the doubles' bits: the round trip is exact
            for (int r = 0; r < d.rows(); r++) assertEquals(d.x()[r][j], col[r], EXACT);
        }
        String[] split = ((msb.core.Table.Strings) t.column("split")).values();
        assertEquals(d.split()[d.rows() - 1].label(), split[d.rows() - 1]);
        assertEquals(d.ts()[0] * 1000, ((msb.core.Table.Times) t.column("time")).epochMs()[0]);
        assertEquals(2, CliRun.execute(out, err, "--home", home.toString(), "dataset", "show", "--tf", "5m",
                "--parquet", home.getParent().resolve("outside-home.parquet").toString()));
        assertTrue(err.toString().contains("is outside --home"), err.toString());
    }

    /** Values that are copied, not computed, compare exactly. */
    private static final double EXACT = 0.0;

    @Test
    void nothingBuildableExitsTwo(@TempDir Path home) {
        Workspace ws = Workspace.at(home);
        var days = msb.data.Resampler.resample(SyntheticBars.minutes(3 * 1440, 8), 86_400).bars();
        RawStore.replace(ws, "BTC", "daily", new msb.data.Bars(172_800, new long[]{days.ts(0) + 86_400},
                new double[]{days.open()[0]}, new double[]{days.high()[0]}, new double[]{days.low()[0]},
                new double[]{days.close()[0]}, new double[]{1}), "d.csv", "", "csv");
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(2, CliRun.execute(out, err, "--home", home.toString(), "dataset", "build", "--tf", "all"));
        assertTrue(out.toString().contains("skipped 24h"), out.toString());
        assertEquals(2, CliRun.execute(out, err, "--home", home.toString(), "dataset", "build", "--tf", "7m"));
        assertTrue(err.toString().contains("unknown timeframe"), err.toString());
    }

    @Test
    void benchPrintsBarsPerSecond(@TempDir Path dir) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, CliRun.execute(out, err, "bench", "dataset", "--bars", "20000", "--warmup", "0", "--iterations", "1"), err.toString());
        assertTrue(out.toString().strip().matches("\\d+ bars/s"), out.toString());
        out = new StringWriter();
        assertEquals(0, CliRun.execute(out, err, "bench", "dataset", "--bars", "20000", "--out", dir.toString()), err.toString());
        assertTrue(dir.resolve("5m.csv").toFile().length() > 0);
        assertTrue(dir.resolve("24h.csv").toFile().exists());
    }
}
