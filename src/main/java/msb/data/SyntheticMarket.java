package msb.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import msb.core.AtomicFiles;

/**
 * A seeded synthetic market with a planted, feature-observable skill of known strength, plus drift: the
 * positive and negative controls of the verdicts (the same seed with {@code skill 0} is the same market
 * without the skill: same drift, same noise draws).
 *
 * <p>Per bar t a hidden flow u_t ~ N(0, 1) is revealed in the bar's volume, volume_t = base x exp(0.5 u_t), so
 * the {@code volume_intensity} feature sees it at t. The next bar's log return is
 * {@code drift + vol x (skill x u_t + sqrt(1 - skill^2) x e_{t+1})} with e ~ N(0, 1): the correlation of the flow
 * with the next return's noise is {@code skill}, and the AUC of u_t for the next return's sign is
 * 0.5 + asin(skill) / pi (0.564 at skill 0.2). High and low add a half-normal wick of a quarter of the bar's
 * volatility beyond open and close. Bars are stamped with their open time (what {@code data import} reads
 * from a generic CSV).
 *
 * @param bars           bars to generate
 * @param intervalSec    bar length in seconds
 * @param skill          correlation of the flow revealed at t with the return of bar t+1, in [0, 1)
 * @param driftBpsPerBar mean log return per bar in bps (the market's trend)
 * @param volBpsPerBar   standard deviation of the log return per bar in bps
 * @param seed           seed of every draw
 * @param startSec       open time of the first bar, unix seconds
 */
public record SyntheticMarket(int bars, long intervalSec, double skill, double driftBpsPerBar, double volBpsPerBar,
                              long seed, long startSec) {
    public static final double START_PRICE = 20_000;
    public static final double BASE_VOLUME = 100;

    public SyntheticMarket {
        if (bars < 2) throw new IllegalArgumentException("bars must be >= 2, got " + bars);
        if (intervalSec <= 0) throw new IllegalArgumentException("interval must be > 0 s, got " + intervalSec);
        if (!(skill >= 0 && skill < 1)) throw new IllegalArgumentException("skill must be in [0, 1), got " + skill);
        if (!Double.isFinite(driftBpsPerBar) || Math.abs(driftBpsPerBar) > 1000) {
            throw new IllegalArgumentException("drift must be within +-1000 bps per bar, got " + driftBpsPerBar);
        }
        if (!(volBpsPerBar > 0 && volBpsPerBar <= 2000)) throw new IllegalArgumentException("vol must be in (0, 2000] bps per bar, got " + volBpsPerBar);
        if (startSec % intervalSec != 0) throw new IllegalArgumentException("start " + startSec + " is not on a " + intervalSec + " s boundary");
    }

    /** The direction AUC of the planted flow for the sign of the next return (before any label threshold). */
    public double plantedSignAuc() { return 0.5 + Math.asin(skill) / Math.PI; }

    /** The bars, stamped with their close time (msb's convention). */
    public Bars generate() {
        SplittableRandom flowRng = new SplittableRandom(seed);
        SplittableRandom noiseRng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        SplittableRandom wickRng = new SplittableRandom(seed * 31 + 7);
        long[] ts = new long[bars];
        double[] o = new double[bars], h = new double[bars], l = new double[bars], c = new double[bars], v = new double[bars];
        double drift = driftBpsPerBar / 1e4, vol = volBpsPerBar / 1e4, mix = Math.sqrt(1 - skill * skill);
        double price = START_PRICE, prevFlow = 0;
        for (int t = 0; t < bars; t++) {
            double flow = flowRng.nextGaussian();
            double e = noiseRng.nextGaussian();
            double r = t == 0 ? 0 : drift + vol * (skill * prevFlow + mix * e);
            o[t] = price;
            c[t] = price * Math.exp(r);
            h[t] = Math.max(o[t], c[t]) * (1 + Math.abs(wickRng.nextGaussian()) * vol / 4);
            l[t] = Math.min(o[t], c[t]) / (1 + Math.abs(wickRng.nextGaussian()) * vol / 4);
            v[t] = BASE_VOLUME * Math.exp(0.5 * flow);
            ts[t] = startSec + (t + 1) * intervalSec;
            price = c[t];
            prevFlow = flow;
        }
        return new Bars(intervalSec, ts, o, h, l, c, v);
    }

    /** Writes the bars as a generic CSV ({@code ts,open,high,low,close,volume}, ts = bar open, unix s), atomically. */
    public void writeCsv(Path file) {
        Bars b = generate();
        StringBuilder sb = new StringBuilder(bars * 80);
        sb.append("ts,open,high,low,close,volume\n");
        for (int i = 0; i < b.size(); i++) {
            sb.append(b.ts(i) - intervalSec).append(',').append(num(b.open()[i])).append(',').append(num(b.high()[i])).append(',')
                    .append(num(b.low()[i])).append(',').append(num(b.close()[i])).append(',').append(num(b.volume()[i])).append('\n');
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the folder of " + file + ": " + e.getMessage(), e);
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** Enough digits that the file's prices are the generated ones to a part in 10^10. */
    private static String num(double x) { return String.format(Locale.ROOT, "%.10g", x); }

    public String describe() {
        return String.format(Locale.ROOT, "synthetic market: %d bars of %d s, planted skill %.3f (sign AUC %.3f), drift %+.2f bps/bar, vol %.1f bps/bar, seed %d",
                bars, intervalSec, skill, plantedSignAuc(), driftBpsPerBar, volBpsPerBar, seed);
    }

}
