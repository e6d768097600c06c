package msb.model;

import java.util.Map;

/**
 * What fitting produced: the pipeline, the validation scores the verdicts read (out of sample for every row
 * they score), the BMA's cross-fitted validation probabilities (when the kind has one), the calibration
 * method, seeds and timings.
 */
public record FitResult(Pipeline pipeline, int[] valRows, ValidationScores scores, double[][] bmaValProbs,
                        String calibrationMethod, Map<String, Long> seeds, Map<String, Long> timingsMs) {
    public FitResult {
        seeds = Map.copyOf(seeds);
        timingsMs = Map.copyOf(timingsMs);
    }
}
