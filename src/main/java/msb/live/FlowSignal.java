package msb.live;

/**
 * One cohort signal of SPEC section 6, bar by bar: flow = the bar's signed notional (buys +, sells -) over
 * the average daily notional, S = tanh(EMA(flow)). The average daily notional is an EMA of the bar's gross
 * notional over {@code adnBars} bars times the bars in a day; before any notional, flow is 0. State is a
 * plain record so that the collector's checkpoint holds it.
 */
final class FlowSignal {
    /** What a checkpoint keeps. */
    record State(double emaFlow, double avgBarNotionalUsd, long bars) {
        static final State INITIAL = new State(0, 0, 0);
    }

    private final double flowAlpha;
    private final double adnAlpha;
    private final double barsPerDay;
    private State s;

    FlowSignal(int emaBars, int adnBars, long barSec, State state) {
        if (emaBars < 1 || adnBars < 1) throw new IllegalArgumentException("EMA spans must be >= 1 bar");
        this.flowAlpha = 2.0 / (emaBars + 1);
        this.adnAlpha = 2.0 / (adnBars + 1);
        this.barsPerDay = 86_400.0 / barSec;
        this.s = state;
    }

    State state() { return s; }

    /** Adds a bar with {@code netUsd} signed and {@code grossUsd} total notional; returns S in [-1, 1]. */
    double update(double netUsd, double grossUsd) {
        double avg = s.bars() == 0 ? grossUsd : s.avgBarNotionalUsd() + adnAlpha * (grossUsd - s.avgBarNotionalUsd());
        double adn = avg * barsPerDay;
        double flow = adn > 0 ? netUsd / adn : 0;
        double ema = s.bars() == 0 ? flow : s.emaFlow() + flowAlpha * (flow - s.emaFlow());
        s = new State(ema, avg, s.bars() + 1);
        return signal();
    }

    /** tanh of the smoothed flow (0 before the first bar). */
    double signal() { return Math.tanh(s.emaFlow()); }
}
