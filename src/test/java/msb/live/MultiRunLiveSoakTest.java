package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.model.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soak: `run-live --tf 5m,1h --feed hyperliquid --cohorts FILE` against the local stub for 12 hours of
 * simulated time at full speed (virtual clock): a 20-minute candle outage (stale bars), 429s on candles and
 * on wallet fills, hourly funding settlements, cohort fills every bar. Prints its figures.
 */
class MultiRunLiveSoakTest {
    @Test
    void twelveSimulatedHoursWithOutagesAnd429s(@TempDir Path home) throws Exception {
        var t = LiveFixture.homeWithArtifact(home, 5_000, ModelKind.LOGREG);
        LiveFixture.promotedAs(home, t.runDir(), Timeframe.H1);
        long start = 1_699_999_200L; // an hour boundary
        VirtualClock clock = new VirtualClock(start * 1000 + 10_000);
        try (HyperliquidStub stub = new HyperliquidStub(clock)) {
            // every fifth amateur fill listed late, an outage 3 hours in, six 429s on candles and on fills
            Path file = LiveFixture.soakVenue(home, stub, start, true, 3, 6);
            Path dir = home.resolve("state/BTC");
            List<RunLive.Options> perTf = LiveFixture.soakOptions(dir, stub.baseUrl(), null);
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            List<StatusDoc> docs = MultiRunLive.run(Workspace.at(home), perTf, 1.0, dir, file, new PrintWriter(out, true),
                    new PrintStream(err, true), clock);
            StatusDoc m5 = docs.get(0);
            StatusDoc h1 = docs.get(1);
            assertEquals(144, m5.barsProcessed(), err.toString());
            assertEquals(12, h1.barsProcessed(), err.toString());
            var rows = msb.data.RawStore.cohorts(Workspace.at(home), "BTC").orElseThrow();
            long staleAlerts = m5.alerts().stream().filter(a -> a.kind().equals(Alert.STALE_FEED)).count();
            String figures = out.toString().lines().filter(l -> l.startsWith("cohort collector")).findFirst().orElse("");
            System.out.printf("soak (12 h simulated, 5m+1h, stub): bars 5m=%d 1h=%d; alerts 5m=%d (stale %d) 1h=%d;"
                            + " orders 5m=%d 1h=%d; cohort rows %d; candle requests %d; %s%n",
                    m5.barsProcessed(), h1.barsProcessed(), m5.alerts().size(), staleAlerts, h1.alerts().size(),
                    m5.orders().buy() + m5.orders().sell(), h1.orders().buy() + h1.orders().sell(), rows.size(),
                    stub.candleRequests.get(), figures);
            assertTrue(staleAlerts >= 1, "the outage raised a stale-feed alert: " + m5.alerts());
            assertTrue(rows.size() >= 140, "a cohort row per 5m bar: " + rows.size());
            assertTrue(figures.contains("failed requests") && !figures.contains(" 0 failed requests"), figures);
            assertTrue(m5.orders().buy() + m5.orders().sell() > 0, "5m traded: " + m5.orders());
            // the decision logic reads the collector's rows as they are written (mood stays 0 here: this stub has no
            // WebSocket for public trades; the pros and amateurs rows feed the bandit's cohort arms)
            assertTrue(m5.mood().startsWith("live cohort collector (cohort data ("), m5.mood());
        }
    }
}
