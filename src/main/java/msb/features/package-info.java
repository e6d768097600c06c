/**
 * The 17 features of SPEC section 3, defined once. Each feature is one small class in
 * {@code msb.features.defs} implementing {@link msb.features.Feature} (name, definition version, warm-up,
 * value at the current bar); the rolling state they share (returns, EMA20 deviations, volumes, rv_1h and
 * its 100-bar median) lives once in {@link msb.features.FeatureContext}.
 *
 * <p>{@link msb.features.FeatureEngine#update} takes one closed bar and returns its row (or null during
 * the 111-bar warm-up): the live runner calls it bar by bar, and {@link msb.features.FeatureEngine#compute}
 * runs the same method over a series for datasets, so training and live rows are bit-identical.
 * {@link msb.features.FeatureSchema#of} leaves out the features whose input a source lacks (funding,
 * cohorts) and lists those inputs as absent; its hash covers every column's name and version.
 *
 * <p>Conventions (SPEC section 3): every window includes bar t; sample std (n - 1), exactly 0 on a window of
 * equal values; EMA20 from the first close, no bias adjustment; even-count median = mean of the middle two;
 * VWAP with the close as price; a ratio with a zero denominator is 0. Features run across gaps in the bar
 * series as across any other step (gaps are reported in the dataset manifest, never filled).
 */
package msb.features;
