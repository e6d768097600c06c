package msb.features;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import msb.features.defs.BarReturn;
import msb.features.defs.CrossReturn;
import msb.features.defs.CrossSpread;
import msb.features.defs.DayOfWeek;
import msb.features.defs.DepthProxy;
import msb.features.defs.FlowDiff;
import msb.features.defs.FundingChange;
import msb.features.defs.FundingMinusMean;
import msb.features.defs.FundingRate;
import msb.features.defs.FundingZScore;
import msb.features.defs.GkVolatility;
import msb.features.defs.HourOfDay;
import msb.features.defs.JumpMagnitude;
import msb.features.defs.MrEma20Z;
import msb.features.defs.OrderFlowImbalance;
import msb.features.defs.PriceEfficiency;
import msb.features.defs.PriceVolumeCorr;
import msb.features.defs.RangePosition;
import msb.features.defs.RealizedVol;
import msb.features.defs.RealizedVolRatio;
import msb.features.defs.RegimeHighVol;
import msb.features.defs.SBot;
import msb.features.defs.STop;
import msb.features.defs.VolumeIntensity;
import msb.features.defs.VwapMomentum;

/**
 * Every feature msb can compute. The seed's 17 (SPEC section 3) are the default set, in schema (column)
 * order; the parameterised kinds are named by their column, which spells out the parameters in bars, so a
 * column name read back from a manifest or artifact is the whole definition:
 * <pre>
 * ret_N            return over N bars                       rv_N           realised volatility over N bars
 * rv_ratio_S_L     per-bar rv over S / over L bars (S < L)  range_pos_N    close within the N-bar range, -1..+1
 * hour_of_day      UTC hour of the bar, 0..23               day_of_week    UTC weekday, 0 = Monday
 * funding_z_N      funding z-score over N bars              funding_chg_N  funding change over N bars
 * ofi_N            taker order-flow imbalance over N bars, -1..+1 (needs taker-buy volume)
 * xret_SYM_N       symbol SYM's return over N bars          xspread_SYM_N  own N-bar return - SYM's
 * </pre>
 * Cross-asset columns read another symbol's closes aligned on this symbol's bar closes (SYM upper-case).
 */
public final class FeatureCatalog {
    private static final List<Feature> DEFAULTS = List.of(
            new BarReturn("mom_1", 1), new BarReturn("mom_3", 3), new MrEma20Z(), new RealizedVol("rv_1h", 12),
            new RegimeHighVol(), new GkVolatility(), new JumpMagnitude(), new VolumeIntensity(), new PriceEfficiency(),
            new PriceVolumeCorr(), new VwapMomentum(), new DepthProxy(), new FundingRate(),
            new FundingMinusMean("funding_momentum_1h", 12), new STop(), new SBot(), new FlowDiff());

    private static final List<Feature> CALENDAR = List.of(new HourOfDay(), new DayOfWeek());

    /** The parameterised kinds, with one or two bar counts; the names users write in a feature set. */
    public enum Kind {
        RET("ret", 1), RV("rv", 1), RV_RATIO("rv_ratio", 2), RANGE_POS("range_pos", 1), FUNDING_Z("funding_z", 1),
        FUNDING_CHG("funding_chg", 1), OFI("ofi", 1);

        private final String prefix;
        private final int params;

        Kind(String prefix, int params) {
            this.prefix = prefix;
            this.params = params;
        }

        public String prefix() { return prefix; }

        /** How many bar counts the kind takes (rv_ratio: short and long). */
        public int params() { return params; }

        public static Kind byPrefix(String prefix) {
            for (Kind k : values()) if (k.prefix.equals(prefix)) return k;
            return null;
        }

        /** The column of this kind with the given bar counts. */
        public String column(int... bars) {
            if (bars.length != params) throw new IllegalArgumentException(prefix + " takes " + params + " bar count(s)");
            StringBuilder b = new StringBuilder(prefix);
            for (int n : bars) b.append('_').append(n);
            return b.toString();
        }

        Feature create(int[] p) {
            return switch (this) {
                case RET -> new BarReturn(column(p), p[0]);
                case RV -> new RealizedVol(column(p), p[0]);
                case RV_RATIO -> new RealizedVolRatio(p[0], p[1]);
                case RANGE_POS -> new RangePosition(p[0]);
                case FUNDING_Z -> new FundingZScore(p[0]);
                case FUNDING_CHG -> new FundingChange(p[0]);
                case OFI -> new OrderFlowImbalance(p[0]);
            };
        }
    }

    private static final Pattern PARAMETERISED = Pattern.compile("([a-z_]+?)((?:_[1-9][0-9]{0,6})+)");
    private static final Pattern CROSS = Pattern.compile("(xret|xspread)_([A-Z0-9]{1,16})_([1-9][0-9]{0,6})");

    /** The cross-asset kinds (another symbol and a window), as users write them in a feature set. */
    public static final List<String> CROSS_KINDS = List.of("xret", "xspread");

    /** The cross-asset column of {@code kind} (xret or xspread) for {@code symbol} over {@code bars}. */
    public static String crossColumn(String kind, String symbol, int bars) {
        return kind + "_" + symbol + "_" + bars;
    }

    private FeatureCatalog() {}

    /** The seed's 17 features, in column order: the default feature set. */
    public static List<Feature> defaults() { return DEFAULTS; }

    /** The calendar features (hour_of_day, day_of_week). */
    public static List<Feature> calendar() { return CALENDAR; }

    /** The feature of a column name: a default or calendar feature, or a parameterised kind. */
    public static Feature byName(String name) {
        for (Feature f : DEFAULTS) if (f.name().equals(name)) return f;
        for (Feature f : CALENDAR) if (f.name().equals(name)) return f;
        Matcher x = CROSS.matcher(name);
        if (x.matches()) {
            int bars = Integer.parseInt(x.group(3));
            return x.group(1).equals("xret") ? new CrossReturn(x.group(2), bars) : new CrossSpread(x.group(2), bars);
        }
        Matcher m = PARAMETERISED.matcher(name);
        if (m.matches()) {
            Kind kind = Kind.byPrefix(m.group(1));
            String[] parts = m.group(2).substring(1).split("_");
            if (kind != null && parts.length == kind.params()) {
                int[] p = new int[parts.length];
                for (int i = 0; i < p.length; i++) p[i] = Integer.parseInt(parts[i]);
                Feature f = kind.create(p);
                if (f.name().equals(name)) return f;
            }
        }
        throw new IllegalArgumentException("unknown feature '" + name + "'; the catalog has " + describe());
    }

    /** A one-line list of what the catalog offers, for error messages. */
    public static String describe() {
        StringBuilder b = new StringBuilder("the 17 default features (mom_1 .. flow_diff), hour_of_day, day_of_week");
        for (Kind k : Kind.values()) b.append(", ").append(k.prefix).append(k.params == 1 ? "_N" : "_S_L");
        return b.append(", xret_SYM_N, xspread_SYM_N").toString();
    }
}
