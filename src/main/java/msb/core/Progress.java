package msb.core;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A one-line progress bar on stderr with elapsed time and ETA. Redraws at most every 200 ms so that hot
 * loops can call {@link #step} freely; quiet mode prints nothing.
 */
public final class Progress implements AutoCloseable {
    private static final long REDRAW_INTERVAL_NANOS = 200_000_000L;

    private final PrintStream err;
    private final String label;
    private final long total;
    private final boolean quiet;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastDrawNanos;

    private Progress(PrintStream err, String label, long total, boolean quiet) {
        this.err = err;
        this.label = label;
        this.total = Math.max(1, total);
        this.quiet = quiet;
    }

    public static Progress start(String label, long total, boolean quiet) {
        return new Progress(System.err, label, total, quiet);
    }

    public void step() { advanceTo(done + 1); }

    public void advanceTo(long value) {
        done = Math.min(value, total);
        long now = System.nanoTime();
        if (now - lastDrawNanos >= REDRAW_INTERVAL_NANOS || done == total) {
            lastDrawNanos = now;
            draw(now);
        }
    }

    private void draw(long now) {
        if (quiet) return;
        double frac = (double) done / total;
        int width = 24;
        int filled = (int) Math.round(frac * width);
        double elapsedS = (now - startNanos) / 1e9;
        String eta = done == 0 ? "?" : fmt(elapsedS / frac - elapsedS);
        err.printf("\r%-28s [%s%s] %3.0f%% %s elapsed, ETA %s   ", label, "#".repeat(filled),
                " ".repeat(width - filled), frac * 100, fmt(elapsedS), eta);
        err.flush();
    }

    private static String fmt(double seconds) {
        Duration d = Duration.ofMillis((long) (seconds * 1000));
        return d.toMinutes() > 0 ? "%dm%02ds".formatted(d.toMinutes(), d.toSecondsPart())
                : "%.1fs".formatted(seconds);
    }

    public double elapsedSeconds() { return (System.nanoTime() - startNanos) / 1e9; }

    @Override
    public void close() {
        if (quiet) return;
        draw(System.nanoTime());
        err.println();
    }
}
