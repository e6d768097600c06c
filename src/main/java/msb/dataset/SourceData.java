package msb.dataset;

import java.util.Map;
import msb.data.Bars;
import msb.data.CohortSignals;
import msb.data.FundingSeries;

/**
 * The stored series a dataset is built from: the finest bars of one source (or the one named by
 * {@code --source}), with the funding and cohort series when the workspace has them.
 *
 * @param name          source name (as stored by {@code msb data import}), recorded in the manifest
 * @param files         input file name -> sha256, recorded in the manifest
 * @param fundingOrNull funding rates, or null when none are stored
 * @param cohortsOrNull cohort signals, or null when none are stored
 * @param crossBars     other symbols' finest stored bars, by symbol, for cross-asset features (empty when none)
 */
public record SourceData(String name, Bars bars, FundingSeries fundingOrNull, CohortSignals cohortsOrNull,
                         Map<String, String> files, Map<String, Bars> crossBars) {
    public SourceData {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("source name is blank");
        if (bars == null) throw new IllegalArgumentException("source " + name + " has no bars");
        files = Map.copyOf(files);
        crossBars = crossBars == null ? Map.of() : Map.copyOf(crossBars);
    }

    /** A source without other symbols' bars. */
    public SourceData(String name, Bars bars, FundingSeries fundingOrNull, CohortSignals cohortsOrNull, Map<String, String> files) {
        this(name, bars, fundingOrNull, cohortsOrNull, files, Map.of());
    }
}
