package msb.signal;

/** Shares of DOWN / NEUTRAL / UP (each 0..1, summing to 1). */
public record Shares(double down, double neutral, double up) {
    public static Shares of(double[] downNeutralUp) {
        return new Shares(downNeutralUp[0], downNeutralUp[1], downNeutralUp[2]);
    }

    public static Shares ofClasses(int[] classes) { return of(Metrics.shares(classes)); }

    /** Share of direction 1 (UP) or -1 (DOWN). */
    public double of(int dir) { return dir > 0 ? up : dir < 0 ? down : neutral; }
}
