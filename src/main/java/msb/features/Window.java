package msb.features;

/**
 * The newest {@code bars} values of a series, as a feature reads them (every window includes bar t). Its
 * first full bar is the series' first bar plus bars - 1; a feature's warm-up is the latest first-full bar
 * of its windows. {@code median} asks the context to keep a rolling median over the window as well.
 */
public record Window(Series series, int bars, boolean median) {
    public Window {
        if (series == null) throw new IllegalArgumentException("a window needs a series");
        if (bars < 1) throw new IllegalArgumentException("a window needs >= 1 bar, got " + bars);
    }

    public static Window of(Series series, int bars) { return new Window(series, bars, false); }

    /** A window whose rolling median the context keeps (even count: mean of the middle two). */
    public static Window median(Series series, int bars) { return new Window(series, bars, true); }

    /** 0-based index of the first bar at which the window is full. */
    public int firstBar() { return series.firstBar() + bars - 1; }
}
