package msb.research;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import msb.core.UserInputException;
import msb.evaluate.ArtifactEvaluation;
import msb.evaluate.Charts;
import msb.evaluate.EvaluationReport;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Charts as images for a notebook ({@code display(image)}): the evaluate report's own charts, and bar or line
 * charts of any Tablesaw table's columns. Headless; {@link #WIDTH_PX} x {@link #HEIGHT_PX} unless the report's.
 */
public final class Plots {
    public static final int WIDTH_PX = 900, HEIGHT_PX = 380;

    private Plots() {}

    /**
     * One of the charts {@code evaluate --report} writes for an evaluated artifact: equity (with the trade markers),
     * drawdown, rolling-ic, shares, reliability, s-model or funnel.
     */
    public static BufferedImage report(EvaluationReport report, Artifact a, String chart) {
        ArtifactEvaluation e = evaluation(report, a);
        Map<String, Chart<?, ?>> charts = Charts.charts(e, report.trades().getOrDefault(e.artifact(), List.of()));
        Chart<?, ?> c = charts.get(chart);
        if (c == null) throw new UserInputException("no chart '" + chart + "' for " + a.id() + "; the report has " + charts.keySet());
        return BitmapEncoder.getBufferedImage(c);
    }

    /** The evaluation of {@code a} in a report (exit 2 when the report did not evaluate it). */
    public static ArtifactEvaluation evaluation(EvaluationReport report, Artifact a) {
        return report.artifacts().stream().filter(e -> e.artifact().equals(a.dir().toString())).findFirst()
                .orElseThrow(() -> new UserInputException("the report did not evaluate " + a.dir() + "; pass it to Workbench.evaluate"));
    }

    /** Grouped bars: one group per row (labelled by {@code category}), one bar per value column. */
    public static BufferedImage bars(Table t, String category, String title, String yTitle, String... values) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH_PX).height(HEIGHT_PX).title(title).xAxisTitle(category).yAxisTitle(yTitle).build();
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendVisible(values.length > 1);
        c.getStyler().setXAxisLabelRotation(t.rowCount() > 4 ? 15 : 0);
        List<String> cats = new ArrayList<>();
        Column<?> cat = t.column(category);
        for (int i = 0; i < t.rowCount(); i++) cats.add(cat.getString(i));
        for (String v : values) c.addSeries(v, cats, numbers(t, v));
        return BitmapEncoder.getBufferedImage(c);
    }

    /**
     * Lines over time: {@code time} is an instant column, each value column one line (missing values leave gaps);
     * {@code levels} adds a horizontal line per entry (e.g. the threshold S_MIN).
     */
    public static BufferedImage lines(Table t, String time, String title, String yTitle, Map<String, Double> levels, String... values) {
        XYChart c = new XYChartBuilder().width(WIDTH_PX).height(HEIGHT_PX).title(title).xAxisTitle(time + " (UTC)").yAxisTitle(yTitle).build();
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setDatePattern("yyyy-MM");
        List<Date> x = new ArrayList<>();
        var ts = t.instantColumn(time);
        for (int i = 0; i < t.rowCount(); i++) x.add(Date.from(ts.get(i)));
        for (String v : values) c.addSeries(v, x, numbers(t, v)).setMarker(SeriesMarkers.NONE);
        if (!x.isEmpty()) {
            // sorted: Map.of iterates in a per-JVM random order, and the picture should not change between runs
            new java.util.TreeMap<>(levels).forEach((name, level) -> c.addSeries(name, List.of(x.getFirst(), x.getLast()), List.of(level, level))
                    .setMarker(SeriesMarkers.NONE));
        }
        return BitmapEncoder.getBufferedImage(c);
    }

    /** {@link #lines(Table, String, String, String, Map, String...)} without levels. */
    public static BufferedImage lines(Table t, String time, String title, String yTitle, String... values) {
        return lines(t, time, title, yTitle, Map.of(), values);
    }

    private static List<Double> numbers(Table t, String column) {
        NumericColumn<?> c = t.numberColumn(column);
        List<Double> out = new ArrayList<>(t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) out.add(c.isMissing(i) ? Double.NaN : c.getDouble(i));
        return out;
    }

    private static void style(Styler st) {
        System.setProperty("java.awt.headless", "true");
        st.setChartBackgroundColor(Color.WHITE);
        if (st instanceof org.knowm.xchart.style.AxesChartStyler a) a.setPlotGridLinesVisible(true);
    }
}
