package msb.data;

/**
 * Sidecar of one stored funding series ({@code funding/<source>.json}). Rates are stored as a fraction
 * per hour; {@code settlementPeriodHours} is the period the input rates were quoted for (0 when it varied
 * by record, as BitMEX files may).
 */
public record FundingInfo(String source, String symbol, String inputFile, String inputSha256, String format,
                          double settlementPeriodHours, int rows, int duplicatesDropped, long firstTs, long lastTs,
                          String first, String last) {
    public FundingInfo {
        if (source == null || source.isBlank()) throw new IllegalArgumentException("source name is required");
    }
}
