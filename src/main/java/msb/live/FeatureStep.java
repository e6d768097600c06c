package msb.live;

import msb.data.Bar;

/**
 * Incremental features for one closed bar: the same code that builds datasets
 * ({@code msb.features.FeatureEngine}). Returns null while the features warm up. The returned row may be
 * reused by the implementation; the runner copies what it keeps.
 */
public interface FeatureStep {
    double[] update(Bar bar, MarketContext market);
}
