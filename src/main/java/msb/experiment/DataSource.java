package msb.experiment;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where an experiment's bars come from: the embedded default data, or a file imported into the workspace's
 * raw store (when not stored already) under its source name.
 *
 * @param declared the text of the spec's {@code data.source}, as written
 * @param fileOrNull the resolved file (null for embedded)
 * @param format     the {@code data import --format} value (auto unless the spec says otherwise)
 * @param fundingOrNull a funding-rate file imported with the bars ({@code data.funding}), or null
 * @param cross      other symbols' bar files ({@code data.cross: {ETH: FILE}}), imported under those symbols
 */
public record DataSource(String declared, Path fileOrNull, String format, Path fundingOrNull, Map<String, Path> cross) {
    public static final String EMBEDDED = "embedded";

    public DataSource {
        if (declared == null || declared.isBlank()) throw new IllegalArgumentException("data.source is required");
        if (format == null || format.isBlank()) format = "auto";
        cross = cross == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(cross));
    }

    public DataSource(String declared, Path fileOrNull, String format) {
        this(declared, fileOrNull, format, null, Map.of());
    }

    public boolean embedded() { return fileOrNull == null; }
}
