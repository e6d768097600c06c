package msb.experiment;

import java.nio.file.Path;
import java.util.Map;
import msb.data.SyntheticMarket;

/**
 * Where an experiment's bars come from: the embedded default data, a file imported into the workspace's
 * raw store (when not stored already) under its source name, or a seeded synthetic market (the controls).
 *
 * @param declared the text of the spec's {@code data.source}, as written
 * @param fileOrNull the resolved file (null for embedded)
 * @param format     the {@code data import --format} value (auto unless the spec says otherwise)
 * @param fundingOrNull a funding-rate file imported with the bars ({@code data.funding}), or null
 * @param cross      other symbols' bar files ({@code data.cross: {ETH: FILE}}), imported under those symbols
 * @param synthOrNull the seeded synthetic market of {@code source: synth}, or null
 */
public record DataSource(String declared, Path fileOrNull, String format, Path fundingOrNull, Map<String, Path> cross,
                         SyntheticMarket synthOrNull) {
    public static final String EMBEDDED = "embedded";
    public static final String SYNTH = "synth";

    public DataSource {
        if (declared == null || declared.isBlank()) throw new IllegalArgumentException("data.source is required");
        if (format == null || format.isBlank()) format = "auto";
        cross = cross == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(cross));
    }

    public DataSource(String declared, Path fileOrNull, String format) {
        this(declared, fileOrNull, format, null, Map.of(), null);
    }

    public DataSource(String declared, Path fileOrNull, String format, Path fundingOrNull, Map<String, Path> cross) {
        this(declared, fileOrNull, format, fundingOrNull, cross, null);
    }

    public boolean embedded() { return fileOrNull == null && synthOrNull == null; }

    /** A seeded synthetic market (`msb data synth`), generated into the workspace before import. */
    public boolean synthetic() { return synthOrNull != null; }
}
