package msb.data;

import java.util.Arrays;
import java.util.stream.Collectors;
import msb.core.UserInputException;

/** The bar file layouts {@code data import --in} reads (see CONTRACT.md and shared/data/PROVENANCE.md). */
public enum ImportFormat {
    AUTO("auto"),
    CSV("csv"),
    COINBASE_JSON("coinbase-json"),
    BINANCE_JSON("binance-json"),
    BINANCE_KLINES("binance-klines"),
    FREQTRADE_JSON("freqtrade-json"),
    BITSTAMP_TRADES("bitstamp-trades"),
    HYPERLIQUID_JSON("hyperliquid-json"),
    FEATHER("feather"),
    PARQUET("parquet");

    private final String cliName;

    ImportFormat(String cliName) { this.cliName = cliName; }

    public String cliName() { return cliName; }

    public static ImportFormat parse(String text) {
        for (ImportFormat f : values()) if (f.cliName.equalsIgnoreCase(text.trim())) return f;
        throw new UserInputException("--format '" + text + "' is not a bar format; use one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(ImportFormat::cliName).collect(Collectors.joining(", "));
    }

    @Override public String toString() { return cliName; }
}
