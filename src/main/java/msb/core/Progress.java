package msb.core;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A one-line progress bar on stderr with elapsed time and ETA. Redraws at most every 200 ms so that hot
 * loops can call {@link #step} freely; quiet mode prints nothing. When stderr is not a terminal (a log
 * file, a pipe, CI) nothing is redrawn with carriage returns: a plain line every
 * {@link #LOG_LINE_INTERVAL_NANOS} and one at the end.
 */
public final class Progress implements AutoCloseable {
    private static final long REDRAW_INTERVAL_NANOS = 200_000_000L;
    static final long LOG_LINE_INTERVAL_NANOS = 10_000_000_000L;

    private final PrintStream err;
    private final String label;
    private final long total;
    private final boolean quiet;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastDrawNanos;

    /** A stream for callers that pass quiet and have no error stream to give (a fold's learners). */
    public static final PrintStream NOWHERE = new PrintStream(java.io.OutputStream.nullOutputStream());

    private Progress(PrintStream err, String label, long total, boolean quiet, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
        this.label = label;
        this.total = Math.max(1, total);
        this.quiet = quiet;
    }

    /** A progress report on {@code err} (the command's error stream), redrawn in place when this process has a terminal. */
    public static Progress start(PrintStream err, String label, long total, boolean quiet) {
        var console = System.console();
        return new Progress(err, label, total, quiet, console != null && console.isTerminal());
    }

    /** A progress report on {@code err}, redrawn in place only when {@code terminal}. */
    public static Progress on(PrintStream err, String label, long total, boolean quiet, boolean terminal) {
        return new Progress(err, label, total, quiet, terminal);
    }

    public void step() { advanceTo(done + 1); }

    public void advanceTo(long value) {
        done = Math.min(value, total);
        long now = System.nanoTime();
        if (!terminal) {
            if (now - lastDrawNanos >= LOG_LINE_INTERVAL_NANOS && done < total && now - startNanos >= LOG_LINE_INTERVAL_NANOS) {
                lastDrawNanos = now;
                logLine(now);
            }
            return;
        }
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

    private void logLine(long now) {
        if (quiet) return;
        double elapsedS = (now - startNanos) / 1e9;
        double frac = (double) done / total;
        err.printf("msb: %s %.0f%% after %s%s%n", label, frac * 100, fmt(elapsedS),
                done == total || done == 0 ? "" : ", ETA " + fmt(elapsedS / frac - elapsedS));
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
        if (!terminal) {
            logLine(System.nanoTime());
            return;
        }
        draw(System.nanoTime());
        err.println();
    }
}
