package msb.features;

/**
 * The population stability index, defined once: {@code PSI = sum over bins (a - e) * ln(a / e)}, with
 * {@code e} the expected (TRAIN) fraction and {@code a} the actual (live or TEST) fraction of a bin. It is
 * dimensionless (its unit is written "psi"); 0 for identical distributions. Conventional reading: below 0.1
 * no shift, 0.1 to 0.2 moderate, above 0.2 significant. A sample of n rows drawn from the expected
 * distribution itself reads about (bins - 1) / n on average (0.018 for 10 bins and 500 rows).
 */
public final class Psi {
    /** An empty bin counts as this fraction, so that ln(a / e) stays finite (the usual epsilon). */
    public static final double EMPTY_BIN_FRAC = 1e-4;
    /** Above this the shift is conventionally "significant". */
    public static final double SIGNIFICANT_SHIFT_PSI = 0.2;

    private Psi() {}

    /** One bin's contribution; both fractions are floored at {@link #EMPTY_BIN_FRAC}. */
    public static double term(double actualFrac, double expectedFrac) {
        double a = floored(actualFrac), e = floored(expectedFrac);
        return term(a, Math.log(a), e, Math.log(e));
    }

    /** A fraction as PSI reads it: at least {@link #EMPTY_BIN_FRAC}. */
    public static double floored(double frac) { return Math.max(frac, EMPTY_BIN_FRAC); }

    /**
     * {@link #term(double, double)} from floored fractions and their logarithms, for callers that tabulate the
     * logarithms (the live runner's per-bar update); the same arithmetic, so the same value.
     */
    public static double term(double flooredActual, double lnActual, double flooredExpected, double lnExpected) {
        return (flooredActual - flooredExpected) * (lnActual - lnExpected);
    }

    /** PSI of {@code actualFrac} against {@code expectedFrac} (same bins). */
    public static double of(double[] expectedFrac, double[] actualFrac) {
        if (expectedFrac.length != actualFrac.length) {
            throw new IllegalArgumentException("PSI needs the same bins: " + expectedFrac.length + " vs " + actualFrac.length);
        }
        double s = 0;
        for (int i = 0; i < expectedFrac.length; i++) s += term(actualFrac[i], expectedFrac[i]);
        return s;
    }

    /** PSI of {@code values} against {@code expected}, binned on its edges. */
    public static double of(FeatureDistribution expected, double[] values) {
        return of(expected.fractions(), expected.fractionsOf(values));
    }
}
