package msb.evaluate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import msb.model.ArtifactManifest;
import msb.model.DataSourceName;
import msb.model.SplitRange;

/**
 * What an artifact was trained on: the data source, the bar-close range of its dataset (ISO dates, UTC), that
 * dataset's sha256, and whether it is the timeframe's stored dataset now (null when none is stored). Shown beside
 * each artifact so that a table mixing sources (the 2013 demo 5m model beside Coinbase 24h) says so.
 */
public record DataOrigin(String source, String from, String to, String datasetSha256, Boolean currentDataset) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** @param currentSha256OrNull sha256 of the timeframe's stored dataset, null when none is stored */
    public static DataOrigin of(ArtifactManifest m, String currentSha256OrNull) {
        return of(m, m.datasetSha256(), currentSha256OrNull);
    }

    /** @param trainedSha256 the dataset the artifact fitted (a pool member's own, for one symbol of a pool) */
    public static DataOrigin of(ArtifactManifest m, String trainedSha256, String currentSha256OrNull) {
        SplitRange r = m.datasetRange();
        boolean hasRange = r != null && r.rows() > 0;
        return new DataOrigin(DataSourceName.of(m.dataSource()),
                hasRange ? DAY.format(Instant.ofEpochSecond(r.firstTs())) : null,
                hasRange ? DAY.format(Instant.ofEpochSecond(r.lastTs())) : null, trainedSha256,
                currentSha256OrNull == null ? null : currentSha256OrNull.equals(trainedSha256));
    }

    /** e.g. "coinbase-btc-usd-1d 2015-07-21..2025-11-30", with " (not the current dataset)" when it was rebuilt since. */
    public String label() {
        String range = from == null ? "" : " " + from + ".." + to;
        return source + range + (Boolean.FALSE.equals(currentDataset) ? " (not the current dataset)" : "");
    }
}
