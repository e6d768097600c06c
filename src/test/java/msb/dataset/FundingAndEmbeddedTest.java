package msb.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import msb.bench.SyntheticBars;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.Bars;
import msb.data.CohortSignals;
import msb.data.FundingSeries;
import msb.data.Resampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Funding features appear only when funding covers the bars; with nothing stored, the embedded data is used. */
class FundingAndEmbeddedTest {

    static FundingSeries hourlyFunding(long fromTs, int hours) {
        long[] ts = new long[hours];
        double[] rate = new double[hours];
        for (int i = 0; i < hours; i++) {
            ts[i] = fromTs + 3600L * i;
            rate[i] = 1e-5 * Math.sin(i / 10.0);
        }
        return new FundingSeries(ts, rate);
    }

    @Test
    void fundingCoveringTheBarsAddsTwoColumnsWithTheLatestSettledRate() {
        Bars hours = Resampler.resample(SyntheticBars.minutes(200 * 60, 1), 3600).bars();
        FundingSeries f = hourlyFunding(hours.firstTs() - 7200, 210);
        Dataset d = DatasetBuilder.compute(hours, f, null, Timeframe.H1, "BTC", LabelSpec.DEFAULT, SplitSpec.DEFAULT).dataset();
        assertEquals(14, d.columns().size());
        int fr = d.columns().indexOf("funding_rate"), fm = d.columns().indexOf("funding_momentum_1h");
        for (int r = 0; r < d.rows(); r++) {
            long t = d.ts()[r];
            assertEquals(f.rateAt(t), d.x()[r][fr]);
            double mean = 0;
            for (int k = 0; k < 12; k++) mean += f.rateAt(t - 3600L * k);
            assertEquals(f.rateAt(t) - mean / 12, d.x()[r][fm], 1e-18);
        }
    }

    @Test
    void fundingStartingAfterTheBarsIsAbsentNotZeroFilled() {
        Bars hours = Resampler.resample(SyntheticBars.minutes(200 * 60, 1), 3600).bars();
        FundingSeries late = hourlyFunding(hours.firstTs() + 3600 * 50, 150);
        var c = DatasetBuilder.compute(hours, late, null, Timeframe.H1, "BTC", LabelSpec.DEFAULT, SplitSpec.DEFAULT);
        assertEquals(12, c.dataset().columns().size());
        assertEquals(List.of("funding", "cohorts"), c.schema().absentInputs());
    }

    @Test
    void theEmbeddedBtcDataNeverStandInForAnotherSymbol(@TempDir Path home) {
        Workspace ws = Workspace.at(home);
        var e = org.junit.jupiter.api.Assertions.assertThrows(msb.core.UserInputException.class,
                () -> DatasetBuilder.loadOrBuild(ws, "ETH", Timeframe.M5, DatasetBuilder.Options.DEFAULT,
                        new PrintStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("msb data import --in FILE --symbol ETH"), e.getMessage());
        assertTrue(!java.nio.file.Files.exists(ws.datasetDir("ETH", Timeframe.M5)), "nothing written for ETH");
    }

    @Test
    void nothingStoredBuildsFromTheEmbeddedDataAndSaysSo(@TempDir Path home) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Workspace ws = Workspace.at(home);
        Dataset d = DatasetBuilder.loadOrBuild(ws, "BTC", Timeframe.M5, DatasetBuilder.Options.DEFAULT,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("using the embedded default data"), err.toString(StandardCharsets.UTF_8));
        assertTrue(d.rows() > 1000, "rows " + d.rows());
        DatasetManifest m = DatasetStore.manifest(ws, "BTC", Timeframe.M5);
        assertEquals("embedded-bitstamp-btcusd-5m", m.source().name());
        assertEquals(1, m.source().files().size());
        assertEquals(d.rows(), DatasetBuilder.loadOrBuild(ws, "BTC", Timeframe.M5, DatasetBuilder.Options.DEFAULT,
                new PrintStream(new ByteArrayOutputStream())).rows());
    }

    @Test
    void cohortSignalsAddThreeColumnsFromTheLatestRowAtOrBeforeTheBar() {
        Bars hours = Resampler.resample(SyntheticBars.minutes(200 * 60, 1), 3600).bars();
        int n = 400;
        long[] ts = new long[n];
        double[] top = new double[n], bot = new double[n], mood = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = hours.firstTs() - 3600 + 1800L * i; // every half hour, off the bar grid by nothing or 30 min
            top[i] = Math.tanh(i / 50.0 - 2);
            bot[i] = -top[i] / 2;
        }
        CohortSignals co = new CohortSignals(ts, top, bot, mood);
        Dataset d = DatasetBuilder.compute(hours, null, co, Timeframe.H1, "BTC", LabelSpec.DEFAULT, SplitSpec.DEFAULT).dataset();
        assertEquals(15, d.columns().size());
        int jt = d.columns().indexOf("S_top"), jb = d.columns().indexOf("S_bot"), jd = d.columns().indexOf("flow_diff");
        for (int r = 0; r < d.rows(); r++) {
            int k = (int) ((d.ts()[r] - ts[0]) / 1800);
            assertEquals(top[k], d.x()[r][jt]);
            assertEquals(bot[k], d.x()[r][jb]);
            assertEquals(top[k] - bot[k], d.x()[r][jd]);
        }
    }
}
