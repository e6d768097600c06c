package msb.experiment;

import java.nio.file.Path;

/**
 * Where an experiment's bars come from: the embedded default data, or a file imported into the workspace's
 * raw store (when not stored already) under its source name.
 *
 * @param declared the text of the spec's {@code data.source}, as written
 * @param fileOrNull the resolved file (null for embedded)
 * @param format     the {@code data import --format} value (auto unless the spec says otherwise)
 * @param fundingOrNull a funding-rate file imported with the bars ({@code data.funding}), or null
 */
public record DataSource(String declared, Path fileOrNull, String format, Path fundingOrNull) {
    public static final String EMBEDDED = "embedded";

    public DataSource {
        if (declared == null || declared.isBlank()) throw new IllegalArgumentException("data.source is required");
        if (format == null || format.isBlank()) format = "auto";
    }

    public DataSource(String declared, Path fileOrNull, String format) {
        this(declared, fileOrNull, format, null);
    }

    public boolean embedded() { return fileOrNull == null; }
}
