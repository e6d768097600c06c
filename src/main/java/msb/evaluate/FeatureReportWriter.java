package msb.evaluate;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import msb.core.AtomicFiles;
import msb.core.Json;
import msb.signal.Skill;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The feature report as a table (stdout), and as report.md, report.json and a PNG chart (--out DIR). */
public final class FeatureReportWriter {
    public static final String CHART = "feature-val-auc.png";

    private FeatureReportWriter() {}

    /** One line per feature, sorted by VAL |AUC - 0.5|, then the model and the clusters. */
    public static String table(FeatureReport.Report r) {
        StringBuilder s = new StringBuilder();
        int trainBlock = r.features().isEmpty() ? 0 : r.features().getFirst().train().blockBars();
        int valBlock = r.features().isEmpty() ? 0 : r.features().getFirst().val().blockBars();
        s.append(String.format(Locale.ROOT, "%s %s: %,d TRAIN rows, %,d VAL rows; %.0f%% block-bootstrap intervals (%d draws,"
                + " blocks of %d TRAIN / %d VAL bars)%n", r.symbol(), r.tf(), r.trainRows(), r.valRows(), r.confidenceLevel() * 100,
                r.bootstrapDraws(), trainBlock, valBlock));
        int w = Math.max(7, r.features().stream().mapToInt(f -> f.feature().length()).max().orElse(7));
        s.append(String.format(Locale.ROOT, "%-" + w + "s  %-26s  %-26s  %-26s  %-9s  %-9s  %s%n", "feature", "VAL AUC [CI]",
                "VAL IC [CI]", "TRAIN AUC [CI]", "perm dAUC", "perm dLL", "VAL verdict"));
        for (FeatureReport.FeatureSkill f : r.features()) {
            s.append(String.format(Locale.ROOT, "%-" + w + "s  %-26s  %-26s  %-26s  %+9.4f  %+9.4f  %s%n", f.feature(),
                    ci(f.val().directionAuc()), ci(f.val().ic()), ci(f.train().directionAuc()), f.permutation().aucDrop(),
                    f.permutation().logLossRise(), verdict(f)));
        }
        s.append(String.format(Locale.ROOT, "%d of %d features carry information on VAL (AUC interval excludes 0.5).%n",
                r.featuresCarryingInformation(), r.features().size()));
        s.append(String.format(Locale.ROOT, "Permutation model: %s fitted on TRAIN, VAL direction AUC %.4f, log loss %.4f nats;"
                + " perm dAUC = AUC drop, perm dLL = log-loss rise when the feature's VAL column is shuffled.%n",
                r.model().model(), r.model().valDirectionAuc(), r.model().valLogLoss()));
        if (r.clusters().isEmpty()) {
            s.append(String.format(Locale.ROOT, "No feature clusters at |Spearman| >= %.2f on TRAIN rows.%n", r.clusterMinAbsSpearman()));
        } else {
            s.append(String.format(Locale.ROOT, "Clusters at |Spearman| >= %.2f on TRAIN rows (single linkage):%n", r.clusterMinAbsSpearman()));
            for (FeatureReport.Cluster c : r.clusters()) {
                s.append(String.format(Locale.ROOT, "  %s (max |rho| %.3f)%n", String.join(", ", c.features()), c.maxAbsSpearman()));
            }
        }
        return s.toString();
    }

    static String verdict(FeatureReport.FeatureSkill f) {
        if (!f.val().directionAuc().defined()) return "undefined (no UP or no DOWN rows)";
        if (!f.carriesInformation()) return "no evidence";
        return f.direction().equals("inverse") ? "carries information (inverse)" : "carries information";
    }

    private static String ci(Skill.Estimate e) {
        if (!e.defined()) return Double.isFinite(e.value()) ? String.format(Locale.ROOT, "%.4f [n/a]", e.value()) : "n/a";
        return String.format(Locale.ROOT, "%.4f [%.4f,%.4f]", e.value(), e.lo(), e.hi());
    }

    /** report.md, report.json and the chart into {@code dir} (created when missing). */
    public static void write(FeatureReport.Report r, Path dir, String commandLine) {
        writeChart(r, dir.resolve(CHART));
        StringBuilder md = new StringBuilder("# msb feature report\n\n");
        md.append("Command: `").append(commandLine).append("`\n\n");
        explain(md);
        md.append("```\n").append(table(r)).append("```\n\n");
        md.append("![VAL direction AUC per feature](").append(CHART).append(")\n");
        AtomicFiles.writeString(dir.resolve("report.md"), md.toString());
        Json.write(dir.resolve("report.json"), r);
    }

    /**
     * The same report as a section of the evaluate report (one per evaluated artifact): the table, the chart
     * ({@code PREFIX-features.png}) and the JSON ({@code PREFIX-features.json}) beside report.md.
     */
    static void section(StringBuilder md, FeatureReport.Report r, Path dir, String prefix) {
        String chart = prefix + "-features.png", json = prefix + "-features.json";
        writeChart(r, dir.resolve(chart));
        Json.write(dir.resolve(json), r);
        md.append("### Features (the artifact's feature set on the ").append(r.symbol()).append(' ').append(r.tf())
                .append(" dataset's TRAIN and VAL rows)\n\n");
        explain(md);
        md.append("```\n").append(table(r)).append("```\n\n");
        md.append("![VAL direction AUC per feature](").append(chart).append(")\n\nAs JSON: [").append(json).append("](").append(json)
                .append(").\n\n");
    }

    private static void explain(StringBuilder md) {
        md.append("Each feature's value is scored as a signal on its own: direction AUC = P(value of a random UP row > value of a")
                .append(" random DOWN row); IC = Spearman correlation with the forward return. An AUC below 0.5 is information")
                .append(" too (the feature points the other way); features are ranked by VAL |AUC - 0.5|. Permutation importance")
                .append(" shuffles one VAL column at a time under a logistic regression fitted on TRAIN rows. TEST rows are not read.\n\n");
    }

    static void writeChart(FeatureReport.Report r, Path file) {
        System.setProperty("java.awt.headless", "true");
        List<String> names = new ArrayList<>();
        List<Double> auc = new ArrayList<>(), lo = new ArrayList<>(), hi = new ArrayList<>(), chance = new ArrayList<>();
        for (FeatureReport.FeatureSkill f : r.features()) {
            Skill.Estimate e = f.val().directionAuc();
            names.add(f.feature());
            auc.add(Double.isFinite(e.value()) ? e.value() : null);
            lo.add(e.defined() ? e.lo() : null);
            hi.add(e.defined() ? e.hi() : null);
            chance.add(FeatureReport.CHANCE_AUC);
        }
        CategoryChart c = new CategoryChartBuilder().width(Math.max(1000, 40 * names.size())).height(600)
                .title(String.format(Locale.ROOT, "%s %s: VAL direction AUC per feature with its %.0f%% block-bootstrap interval",
                        r.symbol(), r.tf(), r.confidenceLevel() * 100))
                .xAxisTitle("feature (sorted by VAL |AUC - 0.5|)").yAxisTitle("direction AUC (0.5 = chance)").build();
        Styler st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setXAxisLabelRotation(60);
        c.getStyler().setOverlapped(true); // the AUC and its bounds share one x position per feature
        c.getStyler().setXAxisMaxLabelCount(names.size() + 1); // every feature named
        c.getStyler().setPlotGridLinesVisible(true);
        c.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        c.addSeries("VAL AUC", names, auc).setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(0x1565c0));
        c.addSeries("interval high", names, hi).setMarker(SeriesMarkers.TRIANGLE_DOWN).setMarkerColor(Color.GRAY);
        c.addSeries("interval low", names, lo).setMarker(SeriesMarkers.TRIANGLE_UP).setMarkerColor(Color.GRAY);
        CategorySeries line = c.addSeries("chance (0.5)", names, chance);
        line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(new Color(0xc62828));
        try {
            var png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(BitmapEncoder.getBufferedImage(c), "png", png);
            AtomicFiles.writeBytes(file, png.toByteArray());
        } catch (IOException ex) {
            throw new UncheckedIOException("could not write chart " + file + ": " + ex.getMessage(), ex);
        }
    }
}
