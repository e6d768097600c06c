/**
 * The feature catalog, defined once: the seed's 17 features of SPEC section 3 (the default set) and
 * parameterised kinds named by their column ({@code ret_168}, {@code rv_ratio_24_672}, {@code ofi_24},
 * {@code xret_ETH_1}, ...; see {@link msb.features.FeatureCatalog}). Each feature is one small class in
 * {@code msb.features.defs} implementing {@link msb.features.Feature} (name, definition version, the
 * {@link msb.features.Window}s it reads, value at the current bar); its warm-up is derived from those windows
 * and adds up through derived series ({@link msb.features.Series}). The rolling state lives once in
 * {@link msb.features.FeatureContext}, sized to the longest window the schema reads (no cap).
 *
 * <p>{@link msb.features.FeatureEngine#update} takes one closed bar and returns its row (or null during the
 * warm-up): the live runner calls it bar by bar, and {@link msb.features.FeatureEngine#compute} runs the same
 * method over a series for datasets, so training and live rows are bit-identical.
 * {@link msb.features.FeatureSet} is a declared set (default, calendar, kinds with windows);
 * {@link msb.features.FeatureSchema} is its resolved column list, with a hash over every column's name (which
 * spells out its parameters) and definition version.
 *
 * <p>Conventions (SPEC section 3): every window includes bar t; sample std (n - 1), exactly 0 on a window of
 * equal values; EMA20 from the first close, no bias adjustment; even-count median = mean of the middle two;
 * VWAP with the close as price; a ratio with a zero denominator is 0. Features run across gaps in the bar
 * series as across any other step (gaps are reported in the dataset manifest, never filled). Inputs a
 * feature needs and a bar lacks (funding, cohorts, taker-buy volume, another symbol's close) are refused,
 * never filled.
 */
package msb.features;
