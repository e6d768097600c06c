package msb.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an artifact keeps of its training inputs for drift monitoring: per feature column, the quantile bins
 * of its TRAIN rows ({@link FeatureDistribution}), and how they were made (which split, how many rows, how
 * many bins were asked for, the method), so that a live window or a TEST split is compared with exactly the
 * rows the model was fitted on.
 *
 * @param split    the dataset split the bins were taken from ("train")
 * @param rows     rows of that split
 * @param bins     bins requested per feature (a feature with fewer distinct quantiles has fewer)
 * @param method   how the edges were chosen
 * @param features per column name, in the artifact's column order
 */
public record TrainDistribution(String split, int rows, int bins, String method, Map<String, FeatureDistribution> features) {
    public static final String METHOD = "quantile bins of the split's rows (equal-count edges, ties merged)";

    public TrainDistribution {
        features = features == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }

    /** The bins of every column of {@code x} over {@code rowIdx}. */
    public static TrainDistribution of(String split, List<String> columns, double[][] x, int[] rowIdx, int bins) {
        Map<String, FeatureDistribution> out = new LinkedHashMap<>();
        if (rowIdx.length == 0) return new TrainDistribution(split, 0, bins, METHOD, out);
        double[] v = new double[rowIdx.length];
        for (int c = 0; c < columns.size(); c++) {
            for (int i = 0; i < rowIdx.length; i++) v[i] = x[rowIdx[i]][c];
            out.put(columns.get(c), FeatureDistribution.of(v, bins));
        }
        return new TrainDistribution(split, rowIdx.length, bins, METHOD, out);
    }

    /** PSI per column of {@code x}'s rows {@code rowIdx} against these bins (columns without bins are skipped). */
    public Map<String, Double> psiOf(List<String> columns, double[][] x, int[] rowIdx) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (rowIdx.length == 0) return out;
        double[] v = new double[rowIdx.length];
        for (int c = 0; c < columns.size(); c++) {
            FeatureDistribution d = features.get(columns.get(c));
            if (d == null) continue;
            for (int i = 0; i < rowIdx.length; i++) v[i] = x[rowIdx[i]][c];
            out.put(columns.get(c), Psi.of(d, v));
        }
        return out;
    }
}
