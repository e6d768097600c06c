package msb.signal;

/**
 * Class probabilities for one bar: DOWN, NEUTRAL, UP, summing to 1. {@code sModel = pUp - pDown} is the
 * signal the decision logic acts on.
 */
public record Probs(double down, double neutral, double up) {
    private static final double SUM_TOLERANCE = 1e-6;

    public Probs {
        if (!(down >= 0 && neutral >= 0 && up >= 0) || Math.abs(down + neutral + up - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("not a probability vector: down=" + down + " neutral=" + neutral
                    + " up=" + up);
        }
    }

    /** Normalises non-negative scores to probabilities (all-zero gives the uniform vector). */
    public static Probs normalised(double down, double neutral, double up) {
        double s = down + neutral + up;
        if (!(s > 0)) return new Probs(1.0 / 3, 1.0 / 3, 1.0 / 3);
        return new Probs(down / s, neutral / s, up / s);
    }

    public double sModel() { return up - down; }

    public double pNonNeutral() { return up + down; }

    /** Probability of class -1, 0 or 1. */
    public double of(int label) {
        return switch (label) {
            case -1 -> down;
            case 0 -> neutral;
            case 1 -> up;
            default -> throw new IllegalArgumentException("label must be -1, 0 or 1, got " + label);
        };
    }

    /** The most probable class as -1/0/1 (ties go to NEUTRAL, then UP). */
    public int argmax() {
        if (neutral >= up && neutral >= down) return 0;
        return up >= down ? 1 : -1;
    }
}
