package msb.signal;

/**
 * Trading metrics over a strategy's per-bar net return series (fraction of equity, after costs), as pure
 * functions. Annualisation uses the timeframe's bars per year ({@code Timeframe.barsPerYear()}).
 * Conventions: Sharpe uses the sample standard deviation (n - 1) and a zero risk-free rate; a series with
 * no variance has Sharpe 0; Sortino's downside deviation is sqrt(mean(min(r, 0)^2)) over all bars.
 */
public final class TradingMetrics {
    private TradingMetrics() {}

    /** Everything the report shows about one simulated strategy. Undefined values are NaN. */
    public record Summary(int bars, double totalReturn, double annualisedReturn, double sharpe, double sortino,
                          double maxDrawdownFrac, int roundTrips, double winRate, double turnoverPerBar,
                          double exposureFrac, double psr) {}

    /**
     * @param netReturns       per-bar net return of the strategy
     * @param positionFrac     per-bar signed position as a fraction of equity (held over that bar)
     * @param roundTripPnl     realized net PnL of each closed round trip
     */
    public static Summary summarise(double[] netReturns, double[] positionFrac, double[] roundTripPnl,
                                    double barsPerYear) {
        return new Summary(netReturns.length, totalReturn(netReturns), annualisedReturn(netReturns, barsPerYear),
                sharpe(netReturns, barsPerYear), sortino(netReturns, barsPerYear), maxDrawdown(netReturns),
                roundTripPnl.length, winRate(roundTripPnl), turnover(positionFrac), exposure(positionFrac),
                psr(netReturns, 0));
    }

    public static double totalReturn(double[] r) {
        double eq = 1;
        for (double x : r) eq *= 1 + x;
        return eq - 1;
    }

    /** Compounded growth scaled to one year: (1 + total)^(barsPerYear / n) - 1. */
    public static double annualisedReturn(double[] r, double barsPerYear) {
        if (r.length == 0) return Double.NaN;
        return Math.pow(1 + totalReturn(r), barsPerYear / r.length) - 1;
    }

    /** Per-bar Sharpe: mean / sample std; 0 for a series without variance, NaN below 2 bars. */
    public static double sharpePerBar(double[] r) {
        if (r.length < 2) return Double.NaN;
        double sd = Math.sqrt(moment(r, 2) * r.length / (r.length - 1));
        return sd == 0 ? 0 : Metrics.mean(r) / sd;
    }

    public static double sharpe(double[] r, double barsPerYear) { return sharpePerBar(r) * Math.sqrt(barsPerYear); }

    /** Annualised Sortino; NaN when there is no downside at all (nothing to divide by). */
    public static double sortino(double[] r, double barsPerYear) {
        if (r.length < 2) return Double.NaN;
        double down = 0;
        for (double x : r) if (x < 0) down += x * x;
        double dd = Math.sqrt(down / r.length);
        double m = Metrics.mean(r);
        if (dd == 0) return m == 0 ? 0 : Double.NaN;
        return m / dd * Math.sqrt(barsPerYear);
    }

    /** Largest peak-to-trough loss of compounded equity, as a positive fraction (0.25 = -25%). */
    public static double maxDrawdown(double[] r) {
        double eq = 1, peak = 1, worst = 0;
        for (double x : r) {
            eq *= 1 + x;
            peak = Math.max(peak, eq);
            worst = Math.max(worst, 1 - eq / peak);
        }
        return worst;
    }

    /** Share of closed round trips with positive net PnL; NaN with none. */
    public static double winRate(double[] roundTripPnl) {
        if (roundTripPnl.length == 0) return Double.NaN;
        int wins = 0;
        for (double p : roundTripPnl) if (p > 0) wins++;
        return (double) wins / roundTripPnl.length;
    }

    /** Mean absolute change of the position fraction per bar, starting flat. */
    public static double turnover(double[] positionFrac) {
        if (positionFrac.length == 0) return Double.NaN;
        double sum = 0, prev = 0;
        for (double p : positionFrac) {
            sum += Math.abs(p - prev);
            prev = p;
        }
        return sum / positionFrac.length;
    }

    /** Share of bars with a non-zero position. */
    public static double exposure(double[] positionFrac) {
        if (positionFrac.length == 0) return Double.NaN;
        int n = 0;
        for (double p : positionFrac) if (p != 0) n++;
        return (double) n / positionFrac.length;
    }

    /** Central moment of order k (population, divisor n). */
    static double moment(double[] r, int k) {
        double m = Metrics.mean(r), s = 0;
        for (double x : r) s += Math.pow(x - m, k);
        return s / r.length;
    }

    /** Skewness gamma_3 = m3 / m2^1.5 (population moments, as in Bailey and Lopez de Prado). */
    public static double skewness(double[] r) {
        double m2 = moment(r, 2);
        return m2 == 0 ? 0 : moment(r, 3) / Math.pow(m2, 1.5);
    }

    /** Kurtosis gamma_4 = m4 / m2^2, not excess (a normal distribution gives 3). */
    public static double kurtosis(double[] r) {
        double m2 = moment(r, 2);
        return m2 == 0 ? 3 : moment(r, 4) / (m2 * m2);
    }

    /**
     * Probabilistic Sharpe ratio (Bailey and Lopez de Prado 2012, "The Sharpe Ratio Efficient Frontier"):
     * P[true SR > srBenchmark] = Phi((sr - sr*) sqrt(n - 1) / sqrt(1 - skew sr + (kurt - 1) / 4 sr^2)),
     * every Sharpe per bar (not annualised), kurt not excess.
     */
    public static double psr(double srPerBar, double srBenchmarkPerBar, int n, double skew, double kurt) {
        if (n < 2 || Double.isNaN(srPerBar)) return Double.NaN;
        double var = 1 - skew * srPerBar + (kurt - 1) / 4 * srPerBar * srPerBar;
        if (!(var > 0)) return Double.NaN;
        return Metrics.normalCdf((srPerBar - srBenchmarkPerBar) * Math.sqrt(n - 1) / Math.sqrt(var));
    }

    /** PSR of a return series against a per-bar benchmark Sharpe; NaN for a series without variance. */
    public static double psr(double[] r, double srBenchmarkPerBar) {
        if (r.length < 2 || moment(r, 2) == 0) return Double.NaN;
        return psr(sharpePerBar(r), srBenchmarkPerBar, r.length, skewness(r), kurtosis(r));
    }

    private static final double EULER_GAMMA = 0.5772156649015329;

    /**
     * Expected maximum per-bar Sharpe of {@code trials} unskilled strategies whose Sharpe estimates vary
     * with {@code srVariance} (Bailey and Lopez de Prado 2014, "The Deflated Sharpe Ratio", eq. for SR_0).
     */
    public static double expectedMaxSharpe(double srVariance, int trials) {
        if (trials < 2) return 0;
        double z1 = Metrics.normalQuantile(1 - 1.0 / trials);
        double z2 = Metrics.normalQuantile(1 - 1.0 / (trials * Math.E));
        return Math.sqrt(srVariance) * ((1 - EULER_GAMMA) * z1 + EULER_GAMMA * z2);
    }

    /**
     * Deflated Sharpe ratio of a selected strategy among compared runs: its PSR against the expected maximum
     * Sharpe of that many unskilled trials, using the variance of the runs' per-bar Sharpes.
     */
    public static double deflatedSharpe(double[] selectedReturns, double[] trialSharpesPerBar) {
        if (trialSharpesPerBar.length < 2) return Double.NaN;
        double var = moment(trialSharpesPerBar, 2) * trialSharpesPerBar.length / (trialSharpesPerBar.length - 1);
        return psr(selectedReturns, expectedMaxSharpe(var, trialSharpesPerBar.length));
    }
}
