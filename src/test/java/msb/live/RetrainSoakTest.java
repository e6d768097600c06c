package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.CliRun;
import msb.model.ArtifactManifest;
import msb.model.ArtifactStore;
import msb.model.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soak with retraining: `run-live --tf 5m,1h --feed hyperliquid --cohorts FILE --retrain-every 6h` against the
 * local stub for 12 simulated hours right after the stored bars end (virtual clock, 429s, a candle outage,
 * hourly funding, cohort fills). The 5m model retrains on its 5000 stored bars of a planted AR(1) signal plus
 * the bars the feed delivered: promoted and swapped in. The 1h one (the same model posing as 1h) has 416 stored
 * bars, too few TRAIN rows: refused, the 1h runner keeps its model and alerts, and the 5m one is not affected.
 */
class RetrainSoakTest {
    @Test
    void fiveMinutesSwapsOneHourRefusesAndKeeps(@TempDir Path home) throws Exception {
        var t = LiveFixture.homeWithArtifact(home, 5_000, ModelKind.LOGREG);
        Path h1Run = LiveFixture.promotedAs(home, t.runDir(), Timeframe.H1);
        long storedEnd = LiveFixture.FIRST_OPEN_TS + 5_000 * 300L;
        long start = (storedEnd / 3_600 + 1) * 3_600; // the first hour boundary after the stored bars
        VirtualClock clock = new VirtualClock(start * 1000 + 10_000);
        try (HyperliquidStub stub = new HyperliquidStub(clock)) {
            // an outage 2 hours in, four 429s on candles and on fills
            Path file = LiveFixture.soakVenue(home, stub, start, false, 2, 4);
            Path dir = home.resolve("state/BTC");
            List<RunLive.Options> perTf = LiveFixture.soakOptions(dir, stub.baseUrl(), "6h");
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            List<StatusDoc> docs = MultiRunLive.run(Workspace.at(home), perTf, 1.0, dir, file, new PrintWriter(out, true),
                    new PrintStream(err, true), clock);
            StatusDoc m5 = docs.get(0);
            StatusDoc h1 = docs.get(1);
            assertEquals(144, m5.barsProcessed(), err.toString());
            assertEquals(12, h1.barsProcessed(), err.toString());

            String old = t.runDir().getFileName().toString();
            List<JsonNode> e5 = RetrainTest.events(dir.resolve("5m"));
            List<JsonNode> swaps = e5.stream().filter(e -> e.get("type").asText().equals("model_swap")).toList();
            assertEquals(1, swaps.size(), "5m retrained once in 12 h (every 6 h from its first bar): " + err);
            JsonNode s = swaps.getFirst().get("data");
            assertEquals(old, s.get("old_run_id").asText());
            String neu = s.get("new_run_id").asText();
            assertEquals(neu, m5.retrain().liveRunId(), "status names the swapped-in run");
            assertTrue(m5.artifact().endsWith(neu), m5.artifact());
            ArtifactManifest m = ArtifactStore.verifiedManifest(Workspace.at(home).modelsDir("BTC", Timeframe.M5).resolve(neu));
            assertTrue(m.promoted());
            assertTrue(m.datasetRange().lastTs() <= swaps.getFirst().get("bar_ts").asLong(), "no bar after the swap bar was trained on");
            assertTrue(s.get("trained_through_ts").asLong() > storedEnd, "the retrain saw the bars the feed delivered");
            assertTrue(m5.orders().buy() + m5.orders().sell() > 0, "5m traded: " + m5.orders());

            List<JsonNode> e1 = RetrainTest.events(dir.resolve("1h"));
            List<JsonNode> refusals = e1.stream().filter(e -> e.get("type").asText().equals("retrain_refused")).toList();
            assertEquals(1, refusals.size(), err.toString());
            JsonNode rd = refusals.getFirst().get("data");
            assertEquals(h1Run.getFileName().toString(), rd.get("old_run_id").asText());
            assertTrue(rd.get("reasons").toString().contains("min_train_rows"), rd.toString());
            assertEquals(h1Run.getFileName().toString(), h1.retrain().liveRunId(), "1h keeps its model");
            assertTrue(h1.alerts().stream().anyMatch(a -> a.kind().equals(Alert.RETRAIN_REFUSED)
                    && a.message().contains("min_train_rows")), h1.alerts().toString());
            assertEquals(RetrainStatus.REFUSED, h1.retrain().lastOutcome());
            assertTrue(e1.stream().noneMatch(e -> e.get("type").asText().equals("model_swap")));

            // `status` shows both timeframes with their live run, last retrain and next due time
            String st = CliRun.run(home, "status", "--state-dir", dir.toString()).out();
            assertTrue(st.contains("live run") && st.contains("last retrain") && st.contains("next retrain due")
                    && st.contains("swapped") && st.contains("refused"), st);
            System.out.printf("retrain soak (12 h simulated, 5m+1h, stub, --retrain-every 6h): bars 5m=%d 1h=%d; swaps 5m=%d;"
                            + " refusals 1h=%d; orders 5m=%d 1h=%d; alerts 5m=%d 1h=%d%n", m5.barsProcessed(), h1.barsProcessed(),
                    m5.retrain().swaps(), h1.retrain().refusals(), m5.orders().buy() + m5.orders().sell(),
                    h1.orders().buy() + h1.orders().sell(), m5.alerts().size(), h1.alerts().size());
        }
    }
}
