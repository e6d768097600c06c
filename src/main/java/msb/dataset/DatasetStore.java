package msb.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.data.BarFile;
import msb.data.Bars;
import msb.features.FeatureSchema;

/** Reads built datasets back: the manifest, the rows (checked against the manifest's sha256), the bars. */
public final class DatasetStore {
    private DatasetStore() {}

    public static Path dir(Workspace ws, String symbol, Timeframe tf) { return ws.datasetDir(symbol, tf); }

    public static boolean exists(Workspace ws, String symbol, Timeframe tf) {
        return Files.isRegularFile(dir(ws, symbol, tf).resolve(DatasetBuilder.MANIFEST_FILE));
    }

    /** The dataset's manifest; exit 2 naming the fix when none was built, or it is for another tf/symbol. */
    public static DatasetManifest manifest(Workspace ws, String symbol, Timeframe tf) {
        Path file = dir(ws, symbol, tf).resolve(DatasetBuilder.MANIFEST_FILE);
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("no " + tf.label() + " dataset for " + symbol + " (" + file + " is missing); build it: "
                    + "msb dataset build --tf " + tf.label() + " --symbol " + symbol);
        }
        DatasetManifest m = Json.read(file, DatasetManifest.class);
        if (!tf.label().equals(m.tf()) || !symbol.equals(m.symbol())) {
            throw new UserInputException(file + ": manifest is for " + m.symbol() + " " + m.tf() + ", expected " + symbol + " "
                    + tf.label() + "; rebuild it: msb dataset build --tf " + tf.label() + " --symbol " + symbol);
        }
        if (m.formatVersion() != DatasetManifest.FORMAT_VERSION) {
            throw new UserInputException(file + ": format_version " + m.formatVersion() + ", this msb reads "
                    + DatasetManifest.FORMAT_VERSION + "; rebuild it: msb dataset build --tf " + tf.label());
        }
        return m;
    }

    /** Whether the stored dataset's schema hash is what this msb computes for its columns. */
    public static boolean isCurrent(Workspace ws, String symbol, Timeframe tf) {
        DatasetManifest m = manifest(ws, symbol, tf);
        try {
            return FeatureSchema.ofColumns(m.columns(), m.absentInputs()).schemaHash().equals(m.schemaHash());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The built dataset, verified against its manifest (sha256, tf, symbol, column count) and against this
     * msb's feature definitions (a dataset built by an older definition must be rebuilt, or the live
     * features would differ from the trained ones).
     */
    public static Dataset load(Workspace ws, String symbol, Timeframe tf) {
        DatasetManifest m = manifest(ws, symbol, tf);
        String current;
        try {
            current = FeatureSchema.ofColumns(m.columns(), m.absentInputs()).schemaHash();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(dir(ws, symbol, tf).resolve(DatasetBuilder.MANIFEST_FILE) + ": " + e.getMessage()
                    + "; rebuild it: msb dataset build --tf " + tf.label() + " --symbol " + symbol, e);
        }
        if (!current.equals(m.schemaHash())) {
            throw new UserInputException(dir(ws, symbol, tf).resolve(DatasetBuilder.MANIFEST_FILE) + ": schema_hash "
                    + m.schemaHash() + " differs from this msb's " + current + " for the same columns (a feature definition"
                    + " changed); rebuild it: msb dataset build --tf " + tf.label() + " --symbol " + symbol);
        }
        return DatasetFile.read(dir(ws, symbol, tf).resolve(DatasetFile.NAME), tf, symbol, m.columns(), m.schemaHash(),
                m.files().get(DatasetFile.NAME));
    }

    /**
     * The timeframe's whole bar series the dataset was built from, warm-up bars included (for replay: feed
     * these to a {@code FeatureEngine} and the rows come out identical to the dataset's).
     */
    public static Bars loadBars(Workspace ws, String symbol, Timeframe tf) {
        DatasetManifest m = manifest(ws, symbol, tf);
        Path file = dir(ws, symbol, tf).resolve(DatasetBuilder.BARS_FILE);
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + " is missing; rebuild it: msb dataset build --tf " + tf.label());
        }
        String expected = m.files().get(DatasetBuilder.BARS_FILE);
        String actual = msb.core.Hashing.sha256(file);
        if (!actual.equals(expected)) {
            throw new UserInputException(file + ": sha256 " + actual + " does not match manifest.json's " + expected
                    + "; rebuild it: msb dataset build --tf " + tf.label() + " --symbol " + symbol);
        }
        return BarFile.read(file);
    }
}
