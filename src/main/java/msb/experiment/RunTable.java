package msb.experiment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.model.ArtifactStore;
import msb.model.RunRecord;

/** {@code msb runs list}: one row per recorded run. */
public final class RunTable {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /**
     * One run as listed.
     *
     * @param latest      the timeframe's LATEST.json points at this run now
     * @param dataFromTs  first and last bar close of the dataset trained on, unix seconds UTC (null when unknown)
     * @param kind        "experiment" when an experiment run recorded it, else "train"
     */
    public record Row(String runId, String tf, String symbol, String model, String dataSource, Long dataFromTs,
                      Long dataToTs, boolean promoted, boolean latest, List<String> failedGates, String kind,
                      String createdAt) {}

    private RunTable() {}

    public static List<Row> rows(Workspace ws, List<RunIndex.Entry> entries) {
        Map<String, Optional<String>> latest = new HashMap<>();
        List<Row> out = new ArrayList<>();
        for (RunIndex.Entry e : entries) {
            RunRecord r = e.run();
            String key = r.symbol() + "/" + r.tf();
            Optional<String> l = latest.computeIfAbsent(key, k -> latestId(ws, r.symbol(), r.tf()));
            boolean hasRange = r.dataRange() != null && r.dataRange().rows() > 0;
            out.add(new Row(r.runId(), r.tf(), r.symbol(), r.model(), sourceName(r.dataSource()),
                    hasRange ? r.dataRange().firstTs() : null, hasRange ? r.dataRange().lastTs() : null,
                    r.promoted(), l.isPresent() && l.get().equals(r.runId()), r.failedGates(),
                    e.isExperiment() ? "experiment" : "train", r.createdAt()));
        }
        return out;
    }

    /** The id LATEST.json names, if it names a valid run (a broken pointer just marks nothing). */
    private static Optional<String> latestId(Workspace ws, String symbol, String tf) {
        try {
            return ArtifactStore.latest(ws, symbol, Timeframe.parse(tf)).map(p -> p.getFileName().toString());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** "coinbase-btc-usd-1d" out of "dataset DIR from source coinbase-btc-usd-1d (experiment x)"; the file name otherwise. */
    static String sourceName(String dataSource) { return msb.model.DataSourceName.of(dataSource); }

    public static String text(List<Row> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"RUN ID", "TF", "SYMBOL", "MODEL", "DATA", "RANGE (UTC)", "PROMOTED", "FAILED GATES", "KIND", "CREATED (UTC)"});
        for (Row r : rows) {
            lines.add(new String[] {r.runId(), r.tf(), r.symbol(), r.model(), r.dataSource(),
                    r.dataFromTs() == null ? "-" : DAY.format(Instant.ofEpochSecond(r.dataFromTs())) + ".." + DAY.format(Instant.ofEpochSecond(r.dataToTs())),
                    r.latest() ? "yes (LATEST)" : r.promoted() ? "yes" : "no",
                    r.failedGates().isEmpty() ? "-" : String.join(", ", r.failedGates()), r.kind(), created(r.createdAt())});
        }
        int[] w = new int[lines.get(0).length];
        for (String[] l : lines) for (int i = 0; i < l.length; i++) w[i] = Math.max(w[i], l[i].length());
        StringBuilder b = new StringBuilder();
        for (String[] l : lines) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < l.length; i++) line.append(i == 0 ? "" : "  ").append(String.format("%-" + w[i] + "s", l[i]));
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    private static String created(String iso) {
        if (iso == null) return "-";
        try {
            return MINUTE.format(Instant.parse(iso));
        } catch (RuntimeException e) {
            return iso;
        }
    }
}
