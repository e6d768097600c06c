package msb.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import msb.dataset.Dataset;
import msb.dataset.Split;
import msb.model.Hyperparameters;
import msb.model.Labels;
import msb.model.SmileLearners;
import msb.model.SmileModel;
import msb.model.Standardizer;
import msb.signal.Metrics;
import msb.signal.Skill;

/**
 * Which features carry information (issue 13): per feature column, the direction AUC and IC with block-bootstrap
 * intervals on TRAIN and on VAL rows, the permutation importance on VAL of one logistic regression fitted on TRAIN
 * rows, and clusters of features that rank the TRAIN rows alike. TEST rows are never read.
 *
 * <p>A feature whose AUC lies below 0.5 ranks DOWN rows above UP rows: it carries as much information as one
 * above 0.5 (its negation does), so features are ranked by |AUC - 0.5| and a VAL interval excluding 0.5 on
 * either side counts.
 */
public final class FeatureReport {
    /** Features whose TRAIN Spearman correlation reaches this (absolute, dimensionless) join one cluster. */
    public static final double CLUSTER_MIN_ABS_SPEARMAN = 0.8;
    public static final double CHANCE_AUC = 0.5;

    private FeatureReport() {}

    /** Skill of one feature (or the model) on one split's rows. */
    public record SplitSkill(Skill.Estimate directionAuc, Skill.Estimate ic, int rows, int directionalRows, int blockBars) {
        static SplitSkill of(Skill.Report r) {
            return new SplitSkill(r.directionAuc(), r.ic(), r.rows(), r.directional(), r.blockBars());
        }
    }

    /**
     * What shuffling one feature's VAL column costs the model.
     *
     * @param aucDrop      VAL direction AUC of s_model before minus after the shuffle (positive: the model used it)
     * @param logLossRise  VAL log loss (nats) after minus before (positive: the model used it)
     */
    public record Permutation(double aucDrop, double logLossRise) {}

    /**
     * @param aucEdge             |VAL AUC - 0.5|, the ranking key
     * @param direction           "up" when higher values go with UP rows on VAL, "inverse" when with DOWN rows
     * @param carriesInformation  the VAL AUC interval excludes 0.5 (on either side)
     */
    public record FeatureSkill(String feature, SplitSkill train, SplitSkill val, double aucEdge, String direction,
                               boolean carriesInformation, Permutation permutation) {}

    /** The permutation model's own VAL skill, the baseline the drops are taken from. */
    public record ModelSkill(String model, double valDirectionAuc, double valLogLoss, long permutationSeed) {}

    /** Features linked by single linkage at |Spearman| >= the threshold, with the strongest link inside. */
    public record Cluster(List<String> features, double maxAbsSpearman) {}

    public record Report(String symbol, String tf, int trainRows, int valRows, int horizonBars, double confidenceLevel,
                         int bootstrapDraws, int featuresCarryingInformation, ModelSkill model,
                         List<FeatureSkill> features, double clusterMinAbsSpearman, List<Cluster> clusters) {}

    /**
     * @param horizonBars the label horizon: the bootstrap blocks are never shorter (rows within it share returns)
     * @param seed        seed of the column shuffles
     */
    public static Report of(Dataset ds, int horizonBars, Hyperparameters hp, Skill.BootstrapOptions boot, long seed) {
        int[] train = ds.rowsOf(Split.TRAIN), val = ds.rowsOf(Split.VAL);
        if (train.length < 2 || val.length < 2) {
            throw new msb.core.UserInputException("the " + ds.tf().label() + " dataset of " + ds.symbol() + " has " + train.length
                    + " TRAIN and " + val.length + " VAL rows; a feature report needs both: import a longer history");
        }
        Skill.BootstrapOptions o = boot.withMinBlockBars(horizonBars);
        int p = ds.columns().size();
        int[] yTrain = pick(ds.label(), train), yVal = pick(ds.label(), val);
        double[] fwdTrain = pick(ds.fwdReturn(), train), fwdVal = pick(ds.fwdReturn(), val);

        Standardizer scaler = Standardizer.fit(ds.x(), train);
        double[][] xs = scaler.apply(ds.x());
        SmileModel model = SmileLearners.logreg(xs, train, Labels.indices(ds.label(), train), hp.logreg());
        double[][] xVal = new double[val.length][];
        for (int i = 0; i < val.length; i++) xVal[i] = xs[val[i]].clone();
        int[] all = new int[val.length];
        for (int i = 0; i < all.length; i++) all[i] = i;
        double[][] base = model.predict(xVal, all);
        double baseAuc = Skill.directionAuc(Metrics.sModel(base), yVal), baseLoss = Metrics.logLoss(yVal, base);

        List<FeatureSkill> out = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            SplitSkill tr = SplitSkill.of(Skill.of(column(ds.x(), train, j), yTrain, fwdTrain, o));
            SplitSkill va = SplitSkill.of(Skill.of(column(ds.x(), val, j), yVal, fwdVal, o));
            Permutation perm = permute(model, xVal, all, j, yVal, baseAuc, baseLoss, seed);
            Skill.Estimate a = va.directionAuc();
            double edge = Math.abs(a.value() - CHANCE_AUC);
            boolean carries = a.defined() && (a.lo() > CHANCE_AUC || a.hi() < CHANCE_AUC);
            out.add(new FeatureSkill(ds.columns().get(j), tr, va, edge, a.value() < CHANCE_AUC ? "inverse" : "up", carries, perm));
        }
        // NaN edges (no UP or no DOWN rows) sort last
        out.sort(Comparator.comparingDouble((FeatureSkill f) -> Double.isNaN(f.aucEdge()) ? -1 : f.aucEdge()).reversed());
        int carrying = (int) out.stream().filter(FeatureSkill::carriesInformation).count();
        return new Report(ds.symbol(), ds.tf().label(), train.length, val.length, horizonBars, o.level(), o.draws(), carrying,
                new ModelSkill("logreg", baseAuc, baseLoss, seed), List.copyOf(out), CLUSTER_MIN_ABS_SPEARMAN,
                clusters(ds, train));
    }

    /** Shuffles column j of the VAL rows (seeded per column), scores, and puts the column back. */
    private static Permutation permute(SmileModel model, double[][] xVal, int[] all, int j, int[] yVal,
                                       double baseAuc, double baseLoss, long seed) {
        int n = xVal.length;
        double[] saved = new double[n];
        for (int i = 0; i < n; i++) saved[i] = xVal[i][j];
        double[] shuffled = saved.clone();
        SplittableRandom rnd = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (j + 1));
        for (int i = n - 1; i > 0; i--) {
            int k = rnd.nextInt(i + 1);
            double t = shuffled[i];
            shuffled[i] = shuffled[k];
            shuffled[k] = t;
        }
        for (int i = 0; i < n; i++) xVal[i][j] = shuffled[i];
        double[][] p = model.predict(xVal, all);
        for (int i = 0; i < n; i++) xVal[i][j] = saved[i];
        return new Permutation(baseAuc - Skill.directionAuc(Metrics.sModel(p), yVal), Metrics.logLoss(yVal, p) - baseLoss);
    }

    /**
     * Single-linkage groups on TRAIN rows: the Spearman correlation is the Pearson correlation of the ranks
     * (as {@link Metrics#spearman}), with each column ranked once instead of once per pair.
     */
    static List<Cluster> clusters(Dataset ds, int[] train) {
        int p = ds.columns().size();
        double[][] ranks = new double[p][];
        for (int j = 0; j < p; j++) ranks[j] = Metrics.ranks(column(ds.x(), train, j));
        int[] parent = new int[p];
        for (int j = 0; j < p; j++) parent[j] = j;
        double[][] rho = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                double r = Math.abs(Metrics.pearson(ranks[a], ranks[b]));
                rho[a][b] = rho[b][a] = r;
                if (r >= CLUSTER_MIN_ABS_SPEARMAN) parent[find(parent, a)] = find(parent, b);
            }
        }
        List<Cluster> out = new ArrayList<>();
        boolean[] done = new boolean[p];
        for (int a = 0; a < p; a++) {
            if (done[a]) continue;
            List<Integer> members = new ArrayList<>();
            for (int b = a; b < p; b++) if (find(parent, b) == find(parent, a)) members.add(b);
            members.forEach(m -> done[m] = true);
            if (members.size() < 2) continue;
            double max = 0;
            for (int x : members) for (int y : members) if (x != y) max = Math.max(max, rho[x][y]);
            out.add(new Cluster(members.stream().map(ds.columns()::get).toList(), max));
        }
        return List.copyOf(out);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private static double[] column(double[][] x, int[] rows, int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) c[i] = x[rows[i]][j];
        return c;
    }

    private static int[] pick(int[] v, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = v[rows[i]];
        return out;
    }

    private static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = v[rows[i]];
        return out;
    }
}
