package msb.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a built dataset: its provenance (source files and their sha256, the bar range,
 * gaps, dropped incomplete buckets), the schema, the label definition, split boundaries and class shares.
 * Holds no wall-clock time, so the same input gives the same bytes. JSON names are snake_case.
 *
 * @param rows              labelled rows in {@code dataset.bin}
 * @param warmupBars        leading bars of the tf series without a feature row
 * @param unlabelledTailBars trailing bars with features but no label (the horizon), not emitted
 * @param range             first and last row timestamps (bar close, unix seconds)
 * @param files             sha256 of every other file of the dataset directory
 * @param barsBeforeInputs  leading bars dropped because the feature set's funding was not known there yet
 *                          (omitted when 0, so default datasets keep their bytes)
 * @param barsAfterInputs   trailing bars dropped because that funding ended more than a day before them
 * @param barsWithoutCross  bars dropped because another symbol read by cross-asset features had no bar then
 */
public record DatasetManifest(int formatVersion, String tf, String symbol, int rows, List<String> columns,
                              String schemaHash, int warmupBars, List<String> absentInputs, LabelSpec label,
                              String labelDefinition, SplitSpec splitSpec, Map<String, SplitRange> splits,
                              Map<String, ClassShares> classShares, Source source, BarsInfo bars, Range range,
                              GapsInfo gaps, int droppedIncompleteBuckets, int unlabelledTailBars,
                              Map<String, String> files,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) int barsBeforeInputs,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) int barsAfterInputs,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) int barsWithoutCross) {

    public static final int FORMAT_VERSION = 1;

    /** Rows of one split part; timestamps are 0 when the part is empty. */
    public record SplitRange(int rows, long firstTs, long lastTs) {}

    /** Share of each class among a part's rows (0 when the part is empty). */
    public record ClassShares(int rows, double down, double neutral, double up) {}

    /**
     * The stored series the tf bars were built from.
     *
     * @param files input file name -> sha256
     */
    public record Source(String name, long intervalSec, Map<String, String> files) {}

    /** The tf bar series (warm-up included), stored as {@code bars.bin}. */
    public record BarsInfo(int count, long intervalSec, long firstTs, long lastTs) {}

    public record Range(long firstTs, long lastTs) {}

    /** Gaps of the tf series: count, missing bar slots, the largest, and the first few (where). */
    public record GapsInfo(int count, long missingBars, long largestMissingBars, List<Gap> first) {}

    public record Gap(long afterTs, long beforeTs, long missingBars) {}
}
