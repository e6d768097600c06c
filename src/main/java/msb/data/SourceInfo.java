package msb.data;

/**
 * The sidecar of one stored bar series ({@code <source>.json} next to {@code <source>.bars}): where the
 * bars came from and what they hold. Times: {@code firstTs}/{@code lastTs} are bar close times in unix
 * seconds; {@code firstOpen}/{@code lastClose} spell the covered range in ISO-8601 UTC.
 *
 * @param inputFile   the file name imported last (or "hyperliquid API" for fetched series)
 * @param inputSha256 sha256 of that input (empty for fetched series)
 * @param barsSha256  sha256 of the stored .bars file: what a dataset manifest should record
 */
public record SourceInfo(String source, String symbol, String inputFile, String inputSha256, String format,
                         long intervalSec, int rows, long firstTs, long lastTs, String firstOpen, String lastClose,
                         GapSummary gaps, String barsSha256) {
    public SourceInfo {
        if (source == null || source.isBlank()) throw new IllegalArgumentException("source name is required");
        if (intervalSec <= 0) throw new IllegalArgumentException("intervalSec must be > 0, got " + intervalSec);
        if (rows <= 0) throw new IllegalArgumentException("a stored series has at least one bar, got " + rows);
    }

    static SourceInfo of(String source, String symbol, String inputFile, String inputSha256, String format, Bars bars,
                         String barsSha256) {
        return new SourceInfo(source, symbol, inputFile, inputSha256, format, bars.intervalSec(), bars.size(),
                bars.firstTs(), bars.lastTs(), Intervals.iso(bars.firstTs() - bars.intervalSec()),
                Intervals.iso(bars.lastTs()), GapSummary.of(bars), barsSha256);
    }

    /** Human label of the interval: 5m, 4h, 1d. */
    public String intervalLabel() { return Intervals.label(intervalSec); }
}
