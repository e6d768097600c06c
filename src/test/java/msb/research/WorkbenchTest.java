package msb.research;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.data.DailyWalk;
import msb.data.RawStore;
import msb.dataset.Split;
import msb.evaluate.ArtifactEvaluation;
import msb.evaluate.EvaluationReport;
import msb.model.ModelKind;
import msb.signal.Metrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The research API on synthetic daily bars: a dataset built, a logistic regression and the always-up control
 * trained, evaluated and replayed, each through the same code as the commands.
 */
class WorkbenchTest {
    /** Predictions and evaluate score the same rows through the same batch call: equal up to rounding. */
    static final double PROB_TOLERANCE = 1e-12;
    static final double METRIC_TOLERANCE = 1e-12;

    @TempDir static Path home;
    static Workbench wb;
    static ResearchDataset ds;
    static Artifact logreg, alwaysUp;
    static EvaluationReport report;

    @BeforeAll
    static void trained() {
        RawStore.replace(Workspace.at(home), "BTC", "synthetic", DailyWalk.bars(2600, 5), "synthetic", "none", "test");
        wb = Workbench.open(home);
        ds = wb.buildDataset(Timeframe.H24);
        logreg = wb.train(Timeframe.H24, ModelKind.LOGREG);
        alwaysUp = wb.train(Timeframe.H24, ModelKind.ALWAYS_UP);
        report = wb.evaluate(logreg, alwaysUp);
    }

    @Test
    void datasetTableHasARowPerLabelledBarAndEveryColumn() {
        Table t = ds.table();
        assertEquals(ds.manifest().rows(), t.rowCount());
        List<String> expected = new ArrayList<>(ResearchDataset.LEADING_COLUMNS);
        expected.addAll(ds.manifest().columns());
        assertEquals(expected, t.columnNames());
        int test = ds.manifest().classShares().get("test").rows();
        assertEquals(test, t.where(t.stringColumn("split").isEqualTo("test")).rowCount());
        assertEquals(ds.data().x()[7][2], t.doubleColumn(ds.manifest().columns().get(2)).getDouble(7));
        assertEquals(ds.data().ts()[7], t.instantColumn("ts").get(7).getEpochSecond());
        assertEquals(List.of(ds.manifest()), wb.datasets());
        Table shares = ds.classShares();
        assertEquals(test, shares.intColumn("rows").get(shares.stringColumn("split").indexOf("test")));
    }

    @Test
    void predictionsOnTheTestSplitAreWhatEvaluateScored() {
        Table p = wb.predictions(logreg, Split.TEST);
        ArtifactEvaluation e = Plots.evaluation(report, logreg);
        var s = e.series();
        assertEquals(e.metrics().rows(), p.rowCount());
        for (int i = 0; i < p.rowCount(); i++) {
            assertEquals(s.ts()[i], p.instantColumn("ts").get(i).getEpochSecond());
            assertArrayEquals(s.probs()[i], Frames.probs(p)[i], PROB_TOLERANCE, "row " + i);
            assertEquals(s.sModel()[i], p.doubleColumn("s_model").getDouble(i), PROB_TOLERANCE);
            assertEquals(s.labels()[i], p.intColumn("label").getInt(i));
        }
        int[] labels = p.intColumn("label").asIntArray();
        double[][] probs = Frames.probs(p);
        assertEquals(e.metrics().balancedAccuracy(), Metrics.balancedAccuracy(labels, Metrics.argmax(probs)), METRIC_TOLERANCE);
        assertEquals(e.metrics().logLoss(), Metrics.logLoss(labels, probs), METRIC_TOLERANCE);
    }

    @Test
    void runsAndArtifactsAreTheTrainedOnes() {
        assertEquals(List.of(logreg.id(), alwaysUp.id()), wb.artifacts(Timeframe.H24).stream().map(Artifact::id).toList());
        assertEquals(List.of(logreg.id(), alwaysUp.id()), wb.runs().stream().map(r -> r.runId()).toList());
        assertFalse(alwaysUp.promoted());
        assertFalse(alwaysUp.failedGates().isEmpty());
        assertEquals(alwaysUp.gates().size(), Frames.gates(alwaysUp).rowCount());
        Table runs = Frames.runs(wb.runs());
        assertEquals(2, runs.rowCount());
        assertEquals(alwaysUp.promoted(), runs.booleanColumn("promoted").get(1));
    }

    @Test
    void reportTablesHoldEvaluatesFigures() {
        Table scores = Frames.scores(report);
        ArtifactEvaluation first = report.artifacts().getFirst();
        assertEquals(2 + first.baselines().size(), scores.rowCount());
        assertEquals(first.metrics().balancedAccuracy(), scores.doubleColumn("balanced_accuracy").getDouble(0), METRIC_TOLERANCE);
        assertEquals(report.artifacts().stream().mapToInt(e -> e.verdicts().size()).sum(), Frames.verdicts(report).rowCount());
        assertEquals(1 + 2 * 2, Frames.shares(report).rowCount());
        for (ArtifactEvaluation e : report.artifacts()) {
            Table f = Frames.funnel(e);
            for (String side : List.of("BUY", "SELL")) {
                var step = f.stringColumn("step");
                var n = f.longColumn(side);
                long decisions = n.get(step.indexOf("decisions"));
                assertEquals(decisions, n.get(step.indexOf("= blocked")) + n.get(step.indexOf("+ held")) + n.get(step.indexOf("+ ordered")));
            }
        }
        Table trades = Frames.trades(report.trades().getOrDefault(first.artifact(), List.of()));
        assertEquals(first.metrics().roundTrips(), trades.rowCount());
    }

    @Test
    void chartsRenderAtTheirSize() {
        assertEquals(1000, Plots.report(report, logreg, "equity").getWidth());
        assertThrows(UserInputException.class, () -> Plots.report(report, logreg, "no-such-chart"));
        var img = Plots.bars(Frames.scores(report), "name", "balanced accuracy", "balanced accuracy", "balanced_accuracy");
        assertEquals(Plots.WIDTH_PX, img.getWidth());
        Table p = wb.predictions(logreg, Split.TEST);
        assertEquals(Plots.HEIGHT_PX, Plots.lines(p, "ts", "s_model", "s_model", Map.of("S_MIN", 0.1), "s_model").getHeight());
    }

    @Test
    void htmlEscapesAndSaysWhatItLeftOut() {
        String html = Frames.html(Frames.verdicts(report), 2);
        assertTrue(html.startsWith("<table>"), html);
        assertEquals(3, html.split("<tr>", -1).length - 1, html); // header + 2 rows
        assertTrue(html.contains((Frames.verdicts(report).rowCount() - 2) + " more rows of"), html);
        assertFalse(Frames.html(Table.create("a<b")).contains("a<b"));
    }

    @Test
    void aRejectedRunReplaysInShadowModeWithADecisionPerBar() {
        LiveReplay r = wb.replay(alwaysUp, "always-up");
        assertEquals("shadow", r.status().mode());
        // a decision per bar once the feature window is full: every bar but the dataset's warm-up
        assertEquals(r.status().barsProcessed() - ds.manifest().warmupBars(), r.decisions().size());
        assertEquals(r.status().lastBarTs(), r.decisions().getLast().ts());
        Table d = r.decisionsTable();
        assertEquals(r.decisions().size(), d.rowCount());
        assertTrue(d.booleanColumn("seen_in_fitting").countTrue() > 0, "the replay covers fitted bars");
        var f = r.status().funnel();
        assertEquals(f.decisions().buy(), f.blocked().buy() + f.held().buy() + f.ordered().buy());
        assertEquals(0, f.ordered().buy() + f.ordered().sell(), "shadow mode sends no order");
        assertThrows(UserInputException.class, () -> wb.replay(alwaysUp, "always-up"));
    }
}
