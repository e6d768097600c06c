package msb.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.data.Bars;
import msb.data.FundingSeries;
import msb.data.FundingStore;
import msb.data.Intervals;
import msb.data.RawStore;
import msb.data.hyperliquid.HyperliquidClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code msb data fetch}: paginated candle + funding download from Hyperliquid into the raw store. */
@Command(name = "fetch", header = "Download candles and funding from Hyperliquid into the raw store.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Download closed candles and hourly funding from an exchange into datasets/raw/<SYMBOL>/",
                "(source hyperliquid-<tf>, funding source hyperliquid). Pages past the 5000-candle cap,",
                "retries 429/5xx with backoff, merges idempotently (repeated fetches accumulate history)",
                "and prints the range obtained against the range asked."},
        footer = {"", "Writes: datasets/raw/<SYMBOL>/ (source hyperliquid-<tf>) and .../funding/ under --home.", "Example: msb data fetch --exchange hyperliquid --tf 1h --days 30"})
public final class DataFetchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--exchange", required = true, paramLabel = "NAME", description = "Exchange: hyperliquid.")
    String exchange;

    @Option(names = "--tf", required = true, paramLabel = "TF", description = "Timeframe: 5m, 1h, 12h, 24h.")
    Timeframe tf;

    @Option(names = "--days", required = true, paramLabel = "N", description = "How many days back from now to ask for.")
    int days;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = "https://api.hyperliquid.xyz",
            description = "API base URL (default ${DEFAULT-VALUE}).")
    String baseUrl;

    @Mixin
    SymbolOption symbol;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Workspace ws = Cli.workspace(spec);
        if (!exchange.equalsIgnoreCase("hyperliquid")) {
            throw new UserInputException("--exchange '" + exchange + "' is not supported; use hyperliquid");
        }
        Timeframe timeframe = tf;
        if (days < 1 || days > 3650) throw new UserInputException("--days " + days + ": use a number of days from 1 to 3650");
        URI base;
        try {
            base = URI.create(baseUrl);
            String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) throw new IllegalArgumentException();
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--base-url '" + baseUrl + "' is not an http:// or https:// URL with a host;"
                    + " e.g. https://api.hyperliquid.xyz");
        }
        try (HyperliquidClient client = HyperliquidClient.create(base)) {
            return fetch(ws, client, base, timeframe);
        }
    }

    private int fetch(Workspace ws, HyperliquidClient client, URI base, Timeframe timeframe) {
        long endMs = client.clock().millis();
        long startMs = endMs - days * 86_400_000L;
        spec.commandLine().getErr().printf("msb: fetching %s %s candles and funding from %s ...%n", symbol.value(), timeframe.label(), base);
        Bars bars = client.candlesSince(symbol.value(), timeframe, startMs, endMs);
        if (bars.size() == 0) {
            throw new UserInputException(base + " returned no closed " + timeframe.label() + " candles for " + symbol.value()
                    + " between " + Instant.ofEpochMilli(startMs) + " and " + Instant.ofEpochMilli(endMs)
                    + "; check --symbol (the coin name, e.g. BTC)");
        }
        // everything is downloaded and checked before anything is stored: a failed funding request leaves no candles behind
        FundingSeries funding = client.fundingSince(symbol.value(), startMs, endMs);
        String source = "hyperliquid-" + timeframe.label();
        RawStore.MergeResult merged = RawStore.merge(ws, symbol.value(), source, bars, "hyperliquid API " + base, "",
                "hyperliquid-api");
        FundingStore.MergeResult fundingMerged = funding.size() == 0 ? null
                : FundingStore.merge(ws, symbol.value(), "hyperliquid", funding, "hyperliquid API " + base, "", "hyperliquid-api", 1);

        long obtainedStartSec = bars.firstTs() - bars.intervalSec();
        boolean short_ = obtainedStartSec * 1000 > startMs + bars.intervalSec() * 1000;
        String note = short_ ? "the exchange returned less than asked: its data starts at " + Intervals.iso(obtainedStartSec)
                + " (Hyperliquid keeps only about the " + HyperliquidClient.MAX_CANDLES_PER_ANSWER
                + " most recent candles per interval); fetch again later to accumulate a longer history" : "";
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            Map<String, Object> doc = new TreeMap<>();
            doc.put("asked", Map.of("from", Instant.ofEpochMilli(startMs).toString(), "to", Instant.ofEpochMilli(endMs).toString()));
            doc.put("obtained", Map.of("from", Intervals.iso(obtainedStartSec), "to", Intervals.iso(bars.lastTs()),
                    "rows", bars.size()));
            doc.put("complete", !short_);
            doc.put("note", note);
            doc.put("requests", client.requestsMade());
            doc.put("stored", merged.info());
            doc.put("added", merged.added());
            doc.put("replaced", merged.replaced());
            doc.put("unchanged", merged.unchanged());
            doc.put("funding_rows", funding.size());
            doc.put("funding_added", fundingMerged == null ? 0 : fundingMerged.added());
            out.print(Json.pretty(doc));
        } else {
            out.printf("asked:    %s .. %s (%d days of %s candles)%n", Instant.ofEpochMilli(startMs), Instant.ofEpochMilli(endMs),
                    days, timeframe.label());
            out.printf("obtained: %s .. %s (%d closed candles, %d requests)%n", Intervals.iso(obtainedStartSec),
                    Intervals.iso(bars.lastTs()), bars.size(), client.requestsMade());
            if (short_) out.println("note:     " + note);
            out.printf("stored %s bars as source '%s' in %s: %d added, %d replaced, %d unchanged%n", symbol.value(), source,
                    ws.rawDir(symbol.value()), merged.added(), merged.replaced(), merged.unchanged());
            DataSupport.printSeries(out, merged.info());
            out.printf("funding:  %d hourly settlements fetched%s%n", funding.size(), fundingMerged == null ? ""
                    : ", " + fundingMerged.added() + " new; stored as source 'hyperliquid' ("
                    + fundingMerged.info().rows() + " settlements, " + fundingMerged.info().first() + " .. "
                    + fundingMerged.info().last() + ")");
        }
        out.flush();
        return 0;
    }
}
