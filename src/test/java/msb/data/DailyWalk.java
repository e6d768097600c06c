package msb.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded synthetic 24h bars for tests: a lognormal random walk stamped at close, with symmetric wicks. */
public final class DailyWalk {
    private static final long DAY_SEC = 86_400;

    private DailyWalk() {}

    /**
     * {@code n} daily bars drawn from {@code rnd} (one Gaussian, then one int per bar, so a caller can keep
     * drawing from the same generator): bar {@code i} closes at {@code firstOpenTs + (i + 1)} days, each close
     * is the open times {@code exp(volFrac * N(0,1))}, high/low sit {@code wickFrac} beyond the body, and the
     * volume is {@code baseVolume} plus a uniform draw below {@code baseVolume / 2}.
     */
    public static Bars bars(Random rnd, int n, long firstOpenTs, double startClose, double volFrac, double wickFrac,
                            int baseVolume) {
        List<Bar> list = new ArrayList<>(n);
        double close = startClose;
        for (int i = 0; i < n; i++) {
            double open = close;
            close = open * Math.exp(volFrac * rnd.nextGaussian());
            double hi = Math.max(open, close) * (1 + wickFrac), lo = Math.min(open, close) * (1 - wickFrac);
            list.add(new Bar(firstOpenTs + (i + 1) * DAY_SEC, open, hi, lo, close, baseVolume + rnd.nextInt(baseVolume / 2)));
        }
        return Bars.of(DAY_SEC, list);
    }

    /** A volatile walk from 20 000 starting on the day of unix time 1 400 000 000: 3 % daily volatility, 1 % wicks. */
    public static Bars bars(int n, long seed) {
        return bars(new Random(seed), n, 1_400_000_000L / DAY_SEC * DAY_SEC, 20_000, 0.03, 0.01, 1000);
    }
}
