package msb.model;

/** Multinomial logistic regression (Smile): L2 penalty {@code lambda}, convergence tolerance, iterations. */
public record LogregOptions(double lambda, double tolerance, int maxIter) {
    public LogregOptions {
        if (!(lambda >= 0)) throw new IllegalArgumentException("logreg.lambda must be >= 0, got " + lambda);
        if (!(tolerance > 0)) throw new IllegalArgumentException("logreg.tolerance must be > 0, got " + tolerance);
        if (maxIter < 1) throw new IllegalArgumentException("logreg.max_iter must be >= 1, got " + maxIter);
    }
}
