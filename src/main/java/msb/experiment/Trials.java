package msb.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;

import java.util.Map;
import java.util.Set;
import msb.core.Workspace;
import msb.signal.TradingMetrics;

/**
 * The trials behind a deflated Sharpe ratio: every distinct configuration (symbol, tf, model, seed,
 * hyperparameters, label, dataset; {@code RunRecord.configSha256}) of a fitted model recorded in the workspace
 * for a symbol and timeframe. A configuration run twice is one trial. The spread of the trials' Sharpe ratios
 * comes from the configurations whose per-bar returns an experiment run saved; the number of trials counts
 * every fitted configuration, with or without saved returns (it was tried all the same).
 */
public final class Trials {
    /** Per symbol/tf: configuration -> test per-bar Sharpe (NaN when no returns were saved). */
    private final Map<String, Map<String, Double>> test = new LinkedHashMap<>();
    /** Per symbol/tf: configuration -> pooled walk-forward per-bar Sharpe, for runs that had a walk-forward. */
    private final Map<String, Map<String, Double>> walkForward = new LinkedHashMap<>();

    /**
     * A deflated Sharpe with what it was computed from.
     *
     * @param value       null when fewer than two trials have saved returns, or the run has no returns
     * @param trials      distinct configurations counted
     * @param withReturns of those, how many have saved returns (the Sharpe spread comes from these)
     */
    public record Deflated(Double value, int trials, int withReturns) {}

    private Trials() {}

    /** The recorded trials of a workspace. */
    public static Trials of(Workspace ws) {
        Trials t = new Trials();
        for (RunIndex.Entry e : RunIndex.list(ws)) {
            if (!e.run().fitted() || e.run().tf() == null) continue;
            String key = key(e.run().symbol(), e.run().tf());
            String config = e.run().configSha256() != null ? e.run().configSha256() : e.id();
            double sr = Double.NaN, wf = Double.NaN;
            boolean hasWf = false;
            if (e.isExperiment()) {
                try {
                    double[][] r = RunRecords.returns(e.experimentDir());
                    sr = TradingMetrics.sharpePerBar(r[0]);
                    hasWf = r[1] != null;
                    if (hasWf) wf = TradingMetrics.sharpePerBar(r[1]);
                } catch (IOException ex) {
                    throw new UncheckedIOException("could not read the returns of run " + e.id() + ": " + ex.getMessage(), ex);
                }
            }
            merge(t.test.computeIfAbsent(key, k -> new LinkedHashMap<>()), config, sr);
            if (hasWf) merge(t.walkForward.computeIfAbsent(key, k -> new LinkedHashMap<>()), config, wf);
        }
        return t;
    }

    /** First saved Sharpe of a configuration wins; a configuration without returns takes one when a duplicate has them. */
    private static void merge(Map<String, Double> m, String config, double sr) {
        Double had = m.get(config);
        if (had == null || (had.isNaN() && !Double.isNaN(sr))) m.put(config, sr);
    }

    /**
     * The deflated Sharpe of a loaded run among the recorded trials of its symbol and timeframe (a run recorded
     * elsewhere, passed as a directory, counts as one more trial).
     */
    public Deflated deflated(RunRecords.Loaded r, boolean walkForwardReturns) {
        double[] mine = walkForwardReturns ? r.walkForwardNetReturns() : r.testNetReturns();
        Map<String, Double> group = new LinkedHashMap<>((walkForwardReturns ? walkForward : test).getOrDefault(key(r.symbol(), r.tf()), Map.of()));
        if (mine != null && mine.length > 0) group.putIfAbsent(r.config(), Double.NaN);
        Set<String> configs = new LinkedHashSet<>(group.keySet());
        double[] sharpes = group.values().stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
        if (mine == null || mine.length == 0 || sharpes.length < 2) return new Deflated(null, configs.size(), sharpes.length);
        double mean = 0, var = 0;
        for (double x : sharpes) mean += x / sharpes.length;
        for (double x : sharpes) var += (x - mean) * (x - mean) / (sharpes.length - 1);
        double v = TradingMetrics.psr(mine, TradingMetrics.expectedMaxSharpe(var, configs.size()));
        return new Deflated(Double.isFinite(v) ? v : null, configs.size(), sharpes.length);
    }

    private static String key(String symbol, String tf) { return symbol + "/" + tf; }

    /** Distinct configurations recorded for a symbol and timeframe (tests and listings). */
    public int count(String symbol, String tf) { return test.getOrDefault(key(symbol, tf), Map.of()).size(); }

}
