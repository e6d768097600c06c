package msb.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TradingMetricsTest {
    static final double[] R = {0.01, -0.02, 0.03, -0.01};

    @Test
    void returnsSharpeSortinoDrawdownByHand() {
        assertEquals(1.01 * 0.98 * 1.03 * 0.99 - 1, TradingMetrics.totalReturn(R), 1e-12);
        // mean 0.0025, squared deviations sum 0.001475, sample variance 0.001475 / 3
        double srBar = 0.0025 / Math.sqrt(0.001475 / 3);
        assertEquals(srBar, TradingMetrics.sharpePerBar(R), 1e-12);
        assertEquals(srBar * Math.sqrt(365), TradingMetrics.sharpe(R, 365), 1e-9);
        // downside deviation sqrt((0.0004 + 0.0001) / 4)
        assertEquals(0.0025 / Math.sqrt(0.0005 / 4) * Math.sqrt(365), TradingMetrics.sortino(R, 365), 1e-9);
        // equity 1.01 -> 0.9898 is the worst fall from a peak: 1 - 0.9898 / 1.01 = 0.02
        assertEquals(0.02, TradingMetrics.maxDrawdown(R), 1e-12);
        assertEquals(Math.pow(1.01 * 0.98 * 1.03 * 0.99, 365.0 / 4) - 1, TradingMetrics.annualisedReturn(R, 365), 1e-9);
        assertEquals(0, TradingMetrics.sharpePerBar(new double[]{0, 0, 0}));
    }

    @Test
    void roundTripsTurnoverExposure() {
        assertEquals(0.5, TradingMetrics.winRate(new double[]{5, -2, 0, 3}), 1e-12); // 0 is not a win
        assertTrue(Double.isNaN(TradingMetrics.winRate(new double[0])));
        double[] pos = {0, 1, 1, -1, 0}; // changes 0, 1, 0, 2, 1
        assertEquals(0.8, TradingMetrics.turnover(pos), 1e-12);
        assertEquals(0.6, TradingMetrics.exposure(pos), 1e-12);
    }

    /**
     * Published worked example: Bailey, D. H. and Lopez de Prado, M. (2014), "The Deflated Sharpe Ratio:
     * Correcting for Selection Bias, Backtest Overfitting and Non-Normality", Journal of Portfolio Management
     * 40(5), 94-107, section "A numerical example": N = 100 trials with an annualised variance of the trial
     * Sharpes V = 1/2, T = 1250 daily returns (250 a year) of the selected strategy with an annualised SR of
     * 2.5, skewness -3 and kurtosis 10. The paper finds SR_0 = 0.1132 (per day) and DSR = 0.9004, i.e.
     * PSR(SR_0) = 0.9004.
     */
    @Test
    void psrAndDeflatedSharpeMatchThePublishedExample() {
        double sr0 = TradingMetrics.expectedMaxSharpe(0.5 / 250, 100);
        assertEquals(0.1132, sr0, 5e-5);
        double dsr = TradingMetrics.psr(2.5 / Math.sqrt(250), sr0, 1250, -3, 10);
        assertEquals(0.9004, dsr, 5e-5);
    }

    @Test
    void psrOfASeriesUsesItsOwnMoments() {
        // symmetric two-point series: skew 0, kurtosis 1, so PSR = Phi(sr sqrt(n-1) / sqrt(1 + 0 * sr^2))
        double[] r = {0.02, 0.0, 0.02, 0.0, 0.02, 0.0};
        assertEquals(0, TradingMetrics.skewness(r), 1e-12);
        assertEquals(1, TradingMetrics.kurtosis(r), 1e-12);
        double sr = TradingMetrics.sharpePerBar(r);
        assertEquals(Metrics.normalCdf(sr * Math.sqrt(5)), TradingMetrics.psr(r, 0), 1e-12);
        assertTrue(Double.isNaN(TradingMetrics.psr(new double[]{0.01, 0.01, 0.01}, 0)));
    }

    @Test
    void deflatedSharpeFallsWithMoreComparedRuns() {
        double[] r = new double[500];
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < r.length; i++) r[i] = 0.001 + 0.01 * rnd.nextGaussian();
        double few = TradingMetrics.deflatedSharpe(r, new double[]{0.1, 0.0, -0.05});
        double many = TradingMetrics.deflatedSharpe(r, new double[]{0.1, 0.0, -0.05, 0.08, -0.1, 0.02, 0.06, -0.07});
        assertTrue(many < few, "DSR must fall as more runs are compared: " + few + " vs " + many);
        assertTrue(TradingMetrics.psr(r, 0) > few);
    }
}
