package msb.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import msb.core.Hashing;

/**
 * The zero-setup default data: real Bitstamp BTC/USD trades (2013-11-25 to 2013-12-01, about 100k) shipped
 * as the class-path resource {@code bitstamp_trades_from_20131125_usd.csv} of the Maven Central artifact
 * {@code org.ta4j:ta4j-examples:0.18} (MIT), aggregated to 5m bars by the bitstamp-trades importer.
 * Never copied into the repository. Enough for a demo, far too little for a serious model.
 */
public final class EmbeddedData {
    public static final String RESOURCE = "bitstamp_trades_from_20131125_usd.csv";
    public static final String ARTIFACT = "org.ta4j:ta4j-examples:0.18";
    /** The source name the embedded series goes by in manifests and messages. */
    public static final String SOURCE_NAME = "embedded-bitstamp-btcusd-5m";

    private EmbeddedData() {}

    private static final class Holder {
        static final byte[] BYTES = readResource();
        static final Bars BARS = BarImporter.read(ARTIFACT + "!/" + RESOURCE, BYTES,
                new BarImporter.Options(ImportFormat.BITSTAMP_TRADES, true, 300)).bars();
        static final String SHA256 = Hashing.sha256(BYTES);
    }

    /** The 5m bars (close-stamped, gaps kept as gaps). */
    public static Bars bitstamp5m() { return Holder.BARS; }

    /** sha256 of the embedded trades file, for manifests. */
    public static String sha256() { return Holder.SHA256; }

    /** For "using the embedded default data: ..." messages. */
    public static String description() {
        Bars b = Holder.BARS;
        return "%s from %s (Bitstamp BTC/USD trades), aggregated to %d 5m bars %s .. %s, gaps: %s".formatted(
                RESOURCE, ARTIFACT, b.size(), Intervals.iso(b.firstTs() - b.intervalSec()), Intervals.iso(b.lastTs()),
                GapSummary.of(b).describe());
    }

    /** A sidecar-like description of the embedded series, as if it had been imported. */
    public static SourceInfo info(String symbol) {
        return SourceInfo.of(SOURCE_NAME, symbol, ARTIFACT + "!/" + RESOURCE, Holder.SHA256,
                ImportFormat.BITSTAMP_TRADES.cliName(), Holder.BARS, "");
    }

    private static byte[] readResource() {
        try (InputStream in = EmbeddedData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path: the " + ARTIFACT
                        + " dependency is missing from this build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the embedded " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
