package msb.model;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The short name of the data a run was trained on, out of its manifest's free-text {@code data_source}. */
public final class DataSourceName {
    private static final Pattern SOURCE = Pattern.compile("from source (\\S+)");

    private DataSourceName() {}

    /** "coinbase-btc-usd-1d" out of "dataset DIR from source coinbase-btc-usd-1d (experiment x)"; the file name otherwise. */
    public static String of(String dataSource) {
        if (dataSource == null || dataSource.isBlank()) return "-";
        Matcher m = SOURCE.matcher(dataSource);
        if (m.find()) return m.group(1);
        if (dataSource.startsWith("computed in memory")) return "in-memory";
        String s = dataSource.startsWith("dataset ") ? dataSource.substring(8) : dataSource;
        return Path.of(s.split(" ")[0]).getFileName().toString();
    }
}
