package msb.model;

/**
 * Metrics of a run: on validation for the shipped output, and for the BMA second opinion when there is one.
 *
 * @param val    the shipped model on VAL (null when the run was refused before fitting)
 * @param bmaVal the BMA arm on VAL (cross-fitted calibration), null without one
 */
public record ArtifactMetrics(ValidationMetrics val, ValidationMetrics bmaVal) {
    public static final ArtifactMetrics NONE = new ArtifactMetrics(null, null);
}
