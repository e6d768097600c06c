package msb.evaluate;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import msb.signal.DirectionCounts;
import msb.signal.Metrics;
import msb.signal.Shares;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG charts (XChart, headless), one set per evaluated artifact. */
public final class Charts {
    private static final int WIDTH = 1000, HEIGHT = 560;

    private Charts() {}

    /** Writes the charts of one evaluation into {@code dir}; returns chart title -> file name. */
    public static Map<String, String> write(ArtifactEvaluation e, Path dir, String prefix) { return write(e, dir, prefix, List.of()); }

    /** The same, with the replay's round trips marked on the equity chart. */
    public static Map<String, String> write(ArtifactEvaluation e, Path dir, String prefix, List<Trade> trades) {
        var files = new java.util.LinkedHashMap<String, String>();
        charts(e, trades).forEach((name, chart) -> save(chart, dir, prefix + "-" + name, TITLES.get(name), files));
        return files;
    }

    /** Chart name (the file suffix) -> the report's title for it. */
    private static final Map<String, String> TITLES = Map.of("equity", "Equity vs buy-and-hold", "drawdown", "Drawdown",
            "rolling-ic", "Rolling IC", "shares", "Predicted vs label shares", "reliability", "Reliability",
            "s-model", "s_model histogram", "funnel", "Decision funnel");

    /**
     * The report's charts of one evaluation by name (equity, drawdown, rolling-ic when the rows allow it, shares,
     * reliability, s-model, funnel): what {@link #write} saves, for display elsewhere (notebooks).
     */
    public static Map<String, Chart<?, ?>> charts(ArtifactEvaluation e, List<Trade> trades) {
        System.setProperty("java.awt.headless", "true");
        var out = new java.util.LinkedHashMap<String, Chart<?, ?>>();
        out.put("equity", equity(e, trades));
        out.put("drawdown", drawdown(e));
        XYChart ic = rollingIc(e);
        if (ic != null) out.put("rolling-ic", ic);
        out.put("shares", shares(e));
        out.put("reliability", reliability(e));
        out.put("s-model", histogram(e));
        out.put("funnel", funnel(e));
        return out;
    }

    private static String who(ArtifactEvaluation e) {
        return e.tf() + " " + e.model() + (e.promoted() ? " (promoted)" : " (rejected)");
    }

    static XYChart equity(ArtifactEvaluation e, List<Trade> trades) {
        var s = e.series();
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(who(e) + ": equity after costs vs buy-and-hold, test bars")
                .xAxisTitle("bar close (UTC)").yAxisTitle("equity (start = 1.0)").build();
        style(c.getStyler());
        c.getStyler().setDatePattern(datePattern(s.ts()));
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        List<Date> x = new ArrayList<>();
        for (long t : s.ts()) x.add(new Date(t * 1000));
        line(c.addSeries("strategy (live decision logic)", x, boxed(s.equity())));
        line(c.addSeries("buy-and-hold", x, boxed(s.buyHoldEquity())));
        marks(c, "long entries", trades, "long", true, SeriesMarkers.TRIANGLE_UP, new Color(0x2e7d32), s);
        marks(c, "short entries", trades, "short", true, SeriesMarkers.TRIANGLE_DOWN, new Color(0xc62828), s);
        marks(c, "exits", trades, null, false, SeriesMarkers.CIRCLE, Color.DARK_GRAY, s);
        return c;
    }

    /** Round-trip entries or exits as markers on the strategy's equity at those bars. */
    private static void marks(XYChart c, String name, List<Trade> trades, String side, boolean entries,
                              org.knowm.xchart.style.markers.Marker marker, Color color, ArtifactEvaluation.Series s) {
        List<Date> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Trade t : trades) {
            if (side != null && !side.equals(t.side())) continue;
            int i = java.util.Arrays.binarySearch(s.ts(), entries ? t.entryTs() : t.exitTs());
            if (i < 0) continue;
            x.add(new Date(s.ts()[i] * 1000));
            y.add(s.equity()[i]);
        }
        if (x.isEmpty()) return;
        XYSeries m = c.addSeries(name + " (" + x.size() + ")", x, y);
        m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        m.setMarker(marker);
        m.setMarkerColor(color);
    }

    /** Drawdown of the strategy's equity from its running peak, in percent. */
    static XYChart drawdown(ArtifactEvaluation e) {
        var s = e.series();
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT / 2 + 80)
                .title(who(e) + ": drawdown from the running equity peak, test bars")
                .xAxisTitle("bar close (UTC)").yAxisTitle("drawdown (%)").build();
        style(c.getStyler());
        c.getStyler().setDatePattern(datePattern(s.ts()));
        c.getStyler().setLegendVisible(false);
        List<Date> x = new ArrayList<>();
        List<Double> dd = new ArrayList<>();
        double peak = 1;
        for (int i = 0; i < s.ts().length; i++) {
            peak = Math.max(peak, s.equity()[i]);
            x.add(new Date(s.ts()[i] * 1000));
            dd.add(100 * (s.equity()[i] / peak - 1));
        }
        XYSeries a = c.addSeries("drawdown", x, dd);
        a.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        a.setMarker(SeriesMarkers.NONE);
        a.setFillColor(new Color(0xc62828, false));
        return c;
    }

    /** Bars in the rolling IC's window: a tenth of the evaluated bars, at least this many. */
    static final int ROLLING_IC_MIN_BARS = 30;

    /**
     * Rank correlation of s_model with the realised label direction (-1/0/1) over a trailing window: whether the
     * ordering skill holds across the evaluated period or comes from one stretch. Null with too few bars.
     */
    static XYChart rollingIc(ArtifactEvaluation e) {
        var s = e.series();
        int n = s.ts().length;
        int w = Math.max(ROLLING_IC_MIN_BARS, n / 10);
        if (n < 2 * w) return null;
        List<Date> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int end = w; end <= n; end++) {
            double[] a = java.util.Arrays.copyOfRange(s.sModel(), end - w, end);
            double[] b = new double[w];
            for (int k = 0; k < w; k++) b[k] = s.labels()[end - w + k];
            double ic = Metrics.spearman(a, b);
            if (!Double.isFinite(ic)) continue;
            x.add(new Date(s.ts()[end - 1] * 1000));
            y.add(ic);
        }
        if (x.isEmpty()) return null;
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT / 2 + 80)
                .title(who(e) + ": rolling IC, s_model vs label direction (" + w + "-bar window)")
                .xAxisTitle("bar close (UTC), end of window").yAxisTitle("Spearman rank correlation").build();
        style(c.getStyler());
        c.getStyler().setDatePattern(datePattern(s.ts()));
        c.getStyler().setLegendVisible(false);
        line(c.addSeries("rolling IC", x, y));
        line(c.addSeries("zero", List.of(x.getFirst(), x.getLast()), List.of(0.0, 0.0))).setLineColor(Color.GRAY);
        return c;
    }

    /** Day ticks for long ranges, hours and minutes when the evaluated bars span a few days or less. */
    static String datePattern(long[] ts) {
        if (ts.length < 2) return "yyyy-MM-dd";
        long span = ts[ts.length - 1] - ts[0];
        return span <= 3 * 86_400 ? "MM-dd HH:mm" : span <= 60 * 86_400 ? "yyyy-MM-dd" : "yyyy-MM";
    }

    static CategoryChart shares(ArtifactEvaluation e) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(who(e) + ": direction shares on " + e.metrics().rows() + " test bars")
                .xAxisTitle("direction").yAxisTitle("share of test bars (%)").build();
        style(c.getStyler());
        c.getStyler().setLabelsVisible(true);
        c.getStyler().setDecimalPattern("0.0");
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        List<String> cats = List.of("DOWN", "NEUTRAL", "UP");
        c.addSeries("labels", cats, pct(e.labelShares()));
        c.addSeries("predicted (|s_model| >= S_MIN " + e.metrics().sMin() + ")", cats, pct(e.predictedShares()));
        c.addSeries("argmax class", cats, pct(e.argmaxShares()));
        return c;
    }

    static XYChart reliability(ArtifactEvaluation e) {
        var s = e.series();
        Metrics.Reliability r = Metrics.reliability(s.labels(), s.probs(), Metrics.ECE_BINS);
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(who(e) + ": reliability of the top class (" + Metrics.ECE_BINS + " bins, ECE "
                        + fmt(e.metrics().ece()) + ")")
                .xAxisTitle("mean predicted probability of the top class").yAxisTitle("observed frequency of the top class").build();
        style(c.getStyler());
        c.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int b = 0; b < r.rows().length; b++) {
            if (r.rows()[b] == 0) continue;
            xs.add(r.meanConfidence()[b]);
            ys.add(r.accuracy()[b]);
        }
        line(c.addSeries("perfect calibration", List.of(0.0, 1.0), List.of(0.0, 1.0))).setLineColor(Color.GRAY);
        if (!xs.isEmpty()) c.addSeries("model (bins with rows)", xs, ys).setMarker(SeriesMarkers.CIRCLE);
        // each bin's row count beside its point: a point from 3 rows is not evidence
        for (int b = 0, k = 0; b < r.rows().length; b++) {
            if (r.rows()[b] == 0) continue;
            c.addAnnotation(new org.knowm.xchart.AnnotationText("n=" + r.rows()[b], xs.get(k), Math.min(0.97, ys.get(k) + 0.04), false));
            k++;
        }
        return c;
    }

    static XYChart histogram(ArtifactEvaluation e) {
        double[] s = e.series().sModel();
        double sMin = e.metrics().sMin();
        int bins = 40;
        double lo = Math.min(-sMin * 1.5, min(s)), hi = Math.max(sMin * 1.5, max(s));
        double w = (hi - lo) / bins;
        double[] centers = new double[bins], counts = new double[bins];
        for (int b = 0; b < bins; b++) centers[b] = lo + (b + 0.5) * w;
        for (double v : s) counts[Math.min(bins - 1, (int) ((v - lo) / w))]++;
        double top = 0;
        for (double v : counts) top = Math.max(top, v);
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(who(e) + ": s_model = p_up - p_down on test bars")
                .xAxisTitle("s_model (probability difference)").yAxisTitle("test bars per bin (count)").build();
        style(c.getStyler());
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        c.addSeries("s_model (" + bins + " bins)", centers, counts).setMarker(SeriesMarkers.NONE);
        line(c.addSeries("+S_MIN (UP acts)", new double[]{sMin, sMin}, new double[]{0, top}))
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line(c.addSeries("-S_MIN (DOWN acts)", new double[]{-sMin, -sMin}, new double[]{0, top}))
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return c;
    }

    static CategoryChart funnel(ArtifactEvaluation e) {
        Funnel f = e.funnel();
        List<String> cats = new ArrayList<>();
        List<Number> buy = new ArrayList<>(), sell = new ArrayList<>();
        add(cats, buy, sell, "model signals", f.modelSignals());
        f.gateBlocked().forEach((k, v) -> add(cats, buy, sell, "refused: " + k, v));
        add(cats, buy, sell, "decisions", f.decisions());
        add(cats, buy, sell, "= blocked", f.blocked());
        add(cats, buy, sell, "+ held", f.held());
        add(cats, buy, sell, "+ ordered", f.orders());
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(who(e) + ": decision funnel (" + f.mode() + " mode, S_MIN " + f.sMin() + ", "
                        + f.bars() + " bars)")
                .xAxisTitle("step (refused: model signals the decision rule turned down; decisions = blocked + held + ordered)").yAxisTitle("bars or orders (count)").build();
        style(c.getStyler());
        c.getStyler().setLabelsVisible(true);
        c.getStyler().setDecimalPattern("#,##0");
        c.getStyler().setXAxisLabelRotation(20);
        c.addSeries("BUY", cats, buy).setFillColor(new Color(0x2e7d32));
        c.addSeries("SELL", cats, sell).setFillColor(new Color(0xc62828));
        return c;
    }

    private static void add(List<String> cats, List<Number> buy, List<Number> sell, String name, DirectionCounts s) {
        cats.add(name);
        buy.add(s.buy());
        sell.add(s.sell());
    }

    private static void style(Styler st) {
        st.setChartBackgroundColor(Color.WHITE);
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setChartTitleFont(st.getChartTitleFont().deriveFont(15f));
        if (st instanceof org.knowm.xchart.style.AxesChartStyler a) a.setPlotGridLinesVisible(true);
    }

    private static XYSeries line(XYSeries s) {
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    private static List<Double> pct(Shares s) { return List.of(s.down() * 100, s.neutral() * 100, s.up() * 100); }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) out.add(x);
        return out;
    }

    private static String fmt(Object v) {
        return v instanceof Number n ? String.format(java.util.Locale.ROOT, "%.3f", n.doubleValue()) : "n/a";
    }

    private static double min(double[] v) { double m = Double.POSITIVE_INFINITY; for (double x : v) m = Math.min(m, x); return m; }

    private static double max(double[] v) { double m = Double.NEGATIVE_INFINITY; for (double x : v) m = Math.max(m, x); return m; }

    private static void save(Chart<?, ?> chart, Path dir, String base, String title, Map<String, String> files) {
        try {
            var png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", png);
            msb.core.AtomicFiles.writeBytes(dir.resolve(base + ".png"), png.toByteArray());
            files.put(title, base + ".png");
        } catch (IOException ex) {
            throw new UncheckedIOException("could not write chart " + dir.resolve(base + ".png") + ": " + ex.getMessage(), ex);
        }
    }
}
