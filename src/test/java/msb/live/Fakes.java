package msb.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import msb.core.Json;
import msb.data.Bar;
import msb.data.Bars;
import msb.signal.DirectionCounts;
import msb.signal.Probs;
import msb.model.SequencePredictor;

/** Small deterministic stand-ins for the feature engine, the model and the trading engine (tests only). */
public final class Fakes {
    private Fakes() {}

    /** A synthetic 5m series: a slow sine wave plus a deterministic wiggle, so both directions occur. */
    public static Bars bars(int n, long firstTs) {
        List<Bar> out = new ArrayList<>(n);
        double prev = 100;
        for (int i = 0; i < n; i++) {
            double close = 100 + 5 * Math.sin(i / 15.0) + ((i * 7919) % 13 - 6) * 0.05;
            double hi = Math.max(prev, close) + 0.1;
            double lo = Math.min(prev, close) - 0.1;
            out.add(new Bar(firstTs + 300L * i, prev, hi, lo, close, 10 + i % 5));
            prev = close;
        }
        return Bars.of(300, out);
    }

    /** Features: [return, ema of returns]; null for the first {@code warmupBars} bars. Stateful on purpose. */
    public static final class Features implements FeatureStep {
        private final int warmupBars;
        private int seen;
        private double prevClose = Double.NaN;
        private double ema;
        private final double[] row = new double[2];

        public Features(int warmupBars) { this.warmupBars = warmupBars; }

        @Override
        public double[] update(Bar bar, MarketContext market) {
            double r = Double.isNaN(prevClose) ? 0 : bar.close() / prevClose - 1;
            prevClose = bar.close();
            ema = 0.8 * ema + 0.2 * r;
            if (++seen <= warmupBars) return null;
            row[0] = r;
            row[1] = ema;
            return row;
        }
    }

    /** Probabilities from the EMA feature averaged over the last {@code history} rows. */
    public static final class Predictor implements SequencePredictor {
        private final int history;

        public Predictor(int history) { this.history = history; }

        @Override public int historyRows() { return history; }

        @Override
        public Probs predict(double[][] rows) {
            if (rows.length != history) throw new IllegalArgumentException("expected " + history + " rows");
            double s = 0;
            for (double[] r : rows) s += r[1];
            double z = Math.tanh(s / history * 400);
            double up = 0.3 + 0.3 * z;
            double down = 0.3 - 0.3 * z;
            return Probs.normalised(Math.max(down, 0), 0.4, Math.max(up, 0));
        }
    }

    /**
     * Goes long one unit when s_model >= 0.1, short when <= -0.1, flat otherwise; fills at the close;
     * blocks every third signal with a "cooldown" gate. Shadow mode decides but never fills.
     */
    public static final class Trader implements msb.live.Trader {
        record State(double cash, double position, double entryPrice, long entryTs, double lastClose, long barIndex,
                     long sigBuy, long sigSell, long ordBuy, long ordSell, List<Map<String, Object>> trips,
                     Map<String, DirectionCounts> blocked) {}

        private final boolean shadow;
        private State st = new State(10_000, 0, 0, 0, Double.NaN, 0, 0, 0, 0, 0, new ArrayList<>(), new TreeMap<>());

        public Trader(boolean shadow) { this.shadow = shadow; }

        @Override
        public void onBar(LiveBar in, EventSink events) {
            Bar bar = in.bar();
            double cash = st.cash();
            double pos = st.position();
            double entryPrice = st.entryPrice();
            long entryTs = st.entryTs();
            long sb = st.sigBuy(), ss = st.sigSell(), ob = st.ordBuy(), os = st.ordSell();
            List<Map<String, Object>> trips = new ArrayList<>(st.trips());
            Map<String, DirectionCounts> blocked = new TreeMap<>(st.blocked());
            long idx = st.barIndex() + 1;
            if (in.probs() != null) {
                double s = in.probs().sModel();
                int dir = s >= 0.1 ? 1 : s <= -0.1 ? -1 : 0;
                events.emit(bar.tsClose(), "decision", Map.of("dir", dir, "s_model", s));
                if (dir > 0) sb++;
                if (dir < 0) ss++;
                if (dir != 0 && dir != Math.signum(pos)) {
                    if (idx % 3 == 0) {
                        DirectionCounts c = blocked.getOrDefault("cooldown", DirectionCounts.ZERO);
                        blocked.put("cooldown", dir > 0 ? new DirectionCounts(c.buy() + 1, c.sell()) : new DirectionCounts(c.buy(), c.sell() + 1));
                        events.emit(bar.tsClose(), "guard_block", Map.of("gate", "cooldown", "side", dir > 0 ? "buy" : "sell"));
                    } else if (!shadow && in.receivedAtSec() - bar.tsClose() <= 600) {
                        if (pos != 0) {
                            double pnl = pos * (bar.close() - entryPrice);
                            Map<String, Object> trip = new LinkedHashMap<>();
                            trip.put("side", pos > 0 ? "long" : "short");
                            trip.put("entry_ts", entryTs);
                            trip.put("exit_ts", bar.tsClose());
                            trip.put("pnl_usd", pnl);
                            trips.add(trip);
                            events.emit(bar.tsClose(), "round_trip", trip);
                        }
                        cash -= (dir - pos) * bar.close();
                        if (dir > 0) ob++; else os++;
                        events.emit(bar.tsClose(), "order", Map.of("side", dir > 0 ? "buy" : "sell", "qty", Math.abs(dir - pos)));
                        pos = dir;
                        entryPrice = bar.close();
                        entryTs = bar.tsClose();
                    }
                }
            }
            st = new State(cash, pos, entryPrice, entryTs, bar.close(), idx, sb, ss, ob, os, trips, blocked);
        }

        @Override public double equity() { return Double.isNaN(st.lastClose()) ? st.cash() : st.cash() + st.position() * st.lastClose(); }
        @Override public double position() { return st.position(); }
        @Override public double realizedPnl() {
            return st.trips().stream().mapToDouble(t -> ((Number) t.get("pnl_usd")).doubleValue()).sum();
        }
        @Override public DirectionCounts signals() { return new DirectionCounts(st.sigBuy(), st.sigSell()); }
        @Override public DirectionCounts orders() { return new DirectionCounts(st.ordBuy(), st.ordSell()); }
        @Override public List<Object> roundTrips() { return List.copyOf(st.trips()); }
        @Override public Map<String, DirectionCounts> blocked() { return st.blocked(); }
        @Override public boolean halted() { return false; }
        @Override public Map<String, Object> flips() { return Map.of(); }
        @Override public double banditEligibilityFrac() { return Double.NaN; }
        @Override public String configId() { return "fake-trader"; }
        @Override public JsonNode snapshot() { return Json.mapper().valueToTree(st); }

        @Override
        public void restore(JsonNode snapshot) {
            try {
                st = Json.mapper().treeToValue(snapshot, State.class);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
