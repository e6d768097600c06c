package msb.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import msb.core.Json;
import msb.core.Timeframe;
import msb.data.Bar;
import msb.signal.Probs;
import org.junit.jupiter.api.Test;

/** A run interrupted anywhere, snapshotted through JSON and resumed, equals the uninterrupted run. */
class SnapshotRestoreTest {
    private static final Timeframe TF = Timeframe.M5;
    private static final int BARS = 900;

    static List<BarContext> scenario(long seed) {
        Random r = new Random(seed);
        List<BarContext> out = new ArrayList<>();
        double price = 30_000;
        long ts = 1_700_000_100L - 1_700_000_100L % 300;
        for (int i = 0; i < BARS; i++) {
            ts += 300 * (r.nextInt(20) == 0 ? 2 : 1); // occasional gap
            double open = price;
            double close = open * Math.exp(0.004 * r.nextGaussian());
            price = close;
            double s = 0.6 * Math.sin(i / 9.0) + 0.2 * r.nextGaussian();
            s = Math.max(-0.7, Math.min(0.7, s));
            Probs meta = new Probs((0.8 - s) / 2, 0.2, (0.8 + s) / 2);
            double sb = Math.max(-0.7, Math.min(0.7, -s + 0.3 * r.nextGaussian()));
            Probs bma = new Probs((0.8 - sb) / 2, 0.2, (0.8 + sb) / 2);
            Bar bar = new Bar(ts, open, Math.max(open, close) * 1.001, Math.min(open, close) * 0.999, close, 10);
            out.add(new BarContext(bar, meta, bma, Math.tanh(r.nextGaussian()), Math.tanh(r.nextGaussian()),
                    0.3 * r.nextGaussian(), 0.00002 * r.nextGaussian(), 3 * r.nextDouble(), ts, Double.NaN, true));
        }
        return out;
    }

    static StrategyConfig config(StrategyConfig.Mode mode) {
        StrategyConfig d = StrategyConfig.defaults(TF);
        return d.withMode(mode)
                .withBandit(d.bandit().withPnnMin(0.3).withConfDirMin(0.55).withStrengthMin(0.08).withEpsilonFrac(0.1).withPriorCount(1.0)
                        .withPriorStdBps(15).withSeed(11))
                .withGuards(d.guards().withMaxSpreadBps(2.5).withMaxFundingBpsPerHour(0.5).withMinPositionChangeFrac(0.1)
                        .withCooldownBars(2).withDailyLossStopFrac(0.01).withMaxOrdersPerBar(2).withMaxBarAgeBars(2))
                .withAlerts(new AlertConfig(10, 50, 0.5));
    }

    @Test
    void resumedEqualsUninterruptedInGateAndBanditMode() throws Exception {
        for (StrategyConfig.Mode mode : StrategyConfig.Mode.values()) {
            StrategyConfig cfg = config(mode);
            List<BarContext> bars = scenario(5);
            List<String> full = new ArrayList<>();
            TradingEngine a = new TradingEngine(TF, cfg, e -> full.add(Json.line(e)));
            bars.forEach(a::onBar);
            assertTrue(a.roundTrips().size() > 10, mode + ": the scenario should trade, got " + a.roundTrips().size());
            assertTrue(a.orders().buy() > 0 && a.orders().sell() > 0);
            String expected = Json.line(a.snapshot());

            for (int cut : new int[] {0, 1, 137, 450, BARS - 1}) {
                List<String> events = new ArrayList<>();
                TradingEngine b = new TradingEngine(TF, cfg, e -> events.add(Json.line(e)));
                for (int i = 0; i < cut; i++) b.onBar(bars.get(i));
                String saved = Json.pretty(b.snapshot());
                EngineState state = Json.mapper().readValue(saved, EngineState.class);
                TradingEngine c = TradingEngine.restore(TF, cfg, state, e -> events.add(Json.line(e)));
                for (int i = cut; i < BARS; i++) c.onBar(bars.get(i));
                assertEquals(expected, Json.line(c.snapshot()), mode + " cut at " + cut);
                assertEquals(full, events, mode + " cut at " + cut + ": event streams differ");
            }
            if (mode == StrategyConfig.Mode.BANDIT) {
                assertTrue(a.banditState().bars() == BARS && a.banditState().eligibleBars() > 0);
                assertTrue(full.stream().anyMatch(l -> l.contains("\"type\":\"reward\"")), "the bandit was rewarded");
            }
        }
    }
}
