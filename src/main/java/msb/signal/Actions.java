package msb.signal;

/**
 * What a threshold policy does on a run of bars: it acts UP where the signal is at least +S_MIN and DOWN where
 * it is at most -S_MIN. Defined once: the verdicts, evaluate's predicted shares and the reports count here.
 *
 * @param rows rows looked at
 * @param up   rows with signal >= +sMin
 * @param down rows with signal <= -sMin
 */
public record Actions(int rows, int up, int down, double sMin) {
    public static Actions of(double[] signal, double sMin) {
        int up = 0, down = 0;
        for (double s : signal) {
            if (s >= sMin) up++;
            else if (s <= -sMin) down++;
        }
        return new Actions(signal.length, up, down, sMin);
    }

    /** -1/0/1 per row: the direction the policy takes. */
    public static int[] classes(double[] signal, double sMin) {
        int[] out = new int[signal.length];
        for (int i = 0; i < signal.length; i++) out[i] = signal[i] >= sMin ? 1 : signal[i] <= -sMin ? -1 : 0;
        return out;
    }

    public int acted() { return up + down; }

    public double actedFrac() { return rows == 0 ? 0 : (double) acted() / rows; }

    /** The less frequent direction's share of the actions (0 when nothing was done). */
    public double minorityFrac() { return acted() == 0 ? 0 : (double) Math.min(up, down) / acted(); }

    public Shares shares() {
        double n = Math.max(1, rows);
        return new Shares(down / n, (rows - up - down) / n, up / n);
    }
}
