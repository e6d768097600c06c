package msb.model;

import java.util.Map;

/**
 * What fitting produced: the pipeline, its cross-fitted validation probabilities (what the gates read),
 * the BMA's (when the kind has one), the calibration method, seeds and timings.
 */
public record FitResult(Pipeline pipeline, int[] valRows, double[][] valProbs, double[][] bmaValProbs,
                        String calibrationMethod, Map<String, Long> seeds, Map<String, Long> timingsMs) {
    public FitResult {
        seeds = Map.copyOf(seeds);
        timingsMs = Map.copyOf(timingsMs);
    }
}
