package msb.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import msb.core.Json;
import msb.core.UserInputException;
import msb.signal.Skill;

/**
 * {@code experiment compare --baseline}: does a run's feature set add out-of-sample skill over the baseline run's?
 * Both runs' walk-forward test rows are joined on bar close time (feature sets with longer windows, funding or a
 * second symbol start later, so their folds fall on other rows), and on the bars both scored the direction AUC
 * and IC of each, and the difference, come from one paired block bootstrap ({@link Skill#paired}): pooled over
 * every fold, and per fold of the compared run.
 */
public final class PairedSkill {
    /** The interval of the AUC difference says which: above 0, below 0, or holding 0. */
    public enum Outcome { ADDS_SKILL, REMOVES_SKILL, NO_EVIDENCE }

    private PairedSkill() {}

    /** A run's walk-forward out-of-sample rows, as its returns.json keeps them. */
    record Oos(long[] ts, double[] s, int[] y, double[] fwd) {}

    public static Outcome outcome(Skill.Estimate diff) {
        if (diff.lowerBoundAbove(0)) return Outcome.ADDS_SKILL;
        if (diff.defined() && diff.hi() < 0) return Outcome.REMOVES_SKILL;
        return Outcome.NO_EVIDENCE;
    }

    /** One row per compared run, in order. */
    public static List<Map<String, Object>> rows(RunRecords.Loaded baseline, List<RunRecords.Loaded> runs, Skill.BootstrapOptions boot) {
        Oos base = oos(baseline);
        List<Map<String, Object>> out = new ArrayList<>();
        for (RunRecords.Loaded r : runs) out.add(row(baseline, base, r, oos(r), boot));
        return out;
    }

    static Map<String, Object> row(RunRecords.Loaded baseline, Oos a, RunRecords.Loaded run, Oos b, Skill.BootstrapOptions boot) {
        int horizon = Math.max(baseline.record().path("walk_forward").path("purge_bars").asInt(1),
                run.record().path("walk_forward").path("purge_bars").asInt(1));
        Skill.BootstrapOptions o = boot.withMinBlockBars(horizon);
        int[][] common = join(a, b, baseline.runId(), run.runId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", run.runId());
        m.put("name", run.record().path("name").asText(null));
        m.put("baseline_run_id", baseline.runId());
        m.put("baseline_name", baseline.record().path("name").asText(null));
        m.put("columns", run.record().path("dataset").path("columns").size());
        m.put("baseline_columns", baseline.record().path("dataset").path("columns").size());
        m.put("common_rows", common[0].length);
        m.put("baseline_only_rows", a.ts().length - common[0].length);
        m.put("run_only_rows", b.ts().length - common[0].length);
        if (common[0].length == 0) {
            m.put("pooled", null);
            m.put("folds", List.of());
            return m;
        }
        m.put("first_ts", Instant.ofEpochSecond(a.ts()[common[0][0]]).toString());
        m.put("last_ts", Instant.ofEpochSecond(a.ts()[common[0][common[0].length - 1]]).toString());
        m.put("pooled", figures(a, b, common[0], common[1], o));
        List<Map<String, Object>> folds = new ArrayList<>();
        for (JsonNode f : run.record().path("walk_forward").path("folds")) {
            long from = f.path("test_first_ts").asLong(), to = f.path("test_last_ts").asLong();
            List<Integer> ia = new ArrayList<>(), ib = new ArrayList<>();
            for (int k = 0; k < common[0].length; k++) {
                long t = a.ts()[common[0][k]];
                if (t >= from && t <= to) {
                    ia.add(common[0][k]);
                    ib.add(common[1][k]);
                }
            }
            if (ia.isEmpty()) continue;
            Map<String, Object> fm = figures(a, b, ia.stream().mapToInt(Integer::intValue).toArray(),
                    ib.stream().mapToInt(Integer::intValue).toArray(), o);
            fm.put("fold", f.path("fold").asInt());
            folds.add(fm);
        }
        m.put("folds", folds);
        return m;
    }

    /** The pooled rows as a text table: one line per compared run. */
    @SuppressWarnings("unchecked")
    public static String table(List<Map<String, Object>> rows) {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%-40s %7s  %-26s %-26s %-28s %s%n",
                "run (vs baseline)", "rows", "AUC baseline [95%]", "AUC run [95%]", "AUC difference [95%]", "outcome"));
        for (Map<String, Object> r : rows) {
            Map<String, Object> p = (Map<String, Object>) r.get("pooled");
            if (p == null) {
                b.append(String.format(java.util.Locale.ROOT, "%-40s %7d  no bars in common%n", r.get("name"), 0));
                continue;
            }
            b.append(String.format(java.util.Locale.ROOT, "%-40s %7d  %-26s %-26s %-28s %s%n", r.get("name"), (Integer) p.get("rows"),
                    ci((Map<String, Double>) p.get("auc_baseline"), "%.4f"), ci((Map<String, Double>) p.get("auc"), "%.4f"),
                    ci((Map<String, Double>) p.get("auc_diff"), "%+.4f"), p.get("outcome")));
        }
        return b.toString();
    }

    private static String ci(Map<String, Double> e, String fmt) {
        return String.format(java.util.Locale.ROOT, "%s [%s, %s]", f(e.get("value"), fmt), f(e.get("lo"), fmt), f(e.get("hi"), fmt));
    }

    private static String f(Double v, String fmt) { return v == null ? "n/a" : String.format(java.util.Locale.ROOT, fmt, v); }

    private static Map<String, Object> figures(Oos a, Oos b, int[] ia, int[] ib, Skill.BootstrapOptions o) {
        int n = ia.length;
        double[] sa = new double[n], sb = new double[n], fwd = new double[n];
        int[] y = new int[n];
        for (int k = 0; k < n; k++) {
            sa[k] = a.s()[ia[k]];
            sb[k] = b.s()[ib[k]];
            y[k] = a.y()[ia[k]];
            fwd[k] = a.fwd()[ia[k]];
        }
        Skill.Paired p = Skill.paired(sa, sb, y, fwd, o);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", p.rows());
        m.put("directional_rows", p.directional());
        m.put("auc_baseline", estimate(p.aucA()));
        m.put("auc", estimate(p.aucB()));
        m.put("auc_diff", estimate(p.aucDiff()));
        m.put("ic_baseline", estimate(p.icA()));
        m.put("ic", estimate(p.icB()));
        m.put("ic_diff", estimate(p.icDiff()));
        m.put("outcome", outcome(p.aucDiff()).name().toLowerCase());
        m.put("block_bars", p.blockBars());
        m.put("draws", p.draws());
        m.put("level", p.level());
        return m;
    }

    private static Map<String, Double> estimate(Skill.Estimate e) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("value", finite(e.value()));
        m.put("lo", finite(e.lo()));
        m.put("hi", finite(e.hi()));
        return m;
    }

    private static Double finite(double v) { return Double.isFinite(v) ? v : null; }

    /** Row numbers of a and b at the bar close times both scored (both ascending); the labels must agree there. */
    static int[][] join(Oos a, Oos b, String aId, String bId) {
        int[] ia = new int[Math.min(a.ts().length, b.ts().length)], ib = new int[ia.length];
        int i = 0, j = 0, n = 0;
        while (i < a.ts().length && j < b.ts().length) {
            long ta = a.ts()[i], tb = b.ts()[j];
            if (ta < tb) i++;
            else if (tb < ta) j++;
            else {
                if (a.y()[i] != b.y()[j]) {
                    throw new UserInputException("runs " + aId + " and " + bId + " label the bar closing at " + Instant.ofEpochSecond(ta)
                            + " differently (" + a.y()[i] + " vs " + b.y()[j] + "); compare runs with the same label definition");
                }
                ia[n] = i++;
                ib[n++] = j++;
            }
        }
        return new int[][] {java.util.Arrays.copyOf(ia, n), java.util.Arrays.copyOf(ib, n)};
    }

    static Oos oos(RunRecords.Loaded r) {
        Path f = r.dir().resolve(ExperimentRunner.RETURNS);
        JsonNode j;
        try {
            j = Files.isRegularFile(f) ? Json.mapper().readTree(f.toFile()) : null;
        } catch (IOException ex) {
            throw new UserInputException(f + ": unreadable (" + ex.getMessage() + "); re-run the experiment", ex);
        }
        if (j == null || !j.has(ExperimentRunner.WF_TS)) {
            throw new UserInputException("run " + r.runId() + " kept no walk-forward out-of-sample rows (" + f + "); re-run it with"
                    + " `msb experiment run SPEC --walk-forward`");
        }
        try {
            var m = Json.mapper();
            return new Oos(m.treeToValue(j.get(ExperimentRunner.WF_TS), long[].class),
                    m.treeToValue(j.get(ExperimentRunner.WF_S_MODEL), double[].class),
                    m.treeToValue(j.get(ExperimentRunner.WF_LABELS), int[].class),
                    m.treeToValue(j.get(ExperimentRunner.WF_FWD_RETURNS), double[].class));
        } catch (IOException ex) {
            throw new UserInputException(f + ": malformed walk-forward rows (" + ex.getMessage() + "); re-run the experiment", ex);
        }
    }
}
