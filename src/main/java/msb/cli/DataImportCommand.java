package msb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import msb.core.Json;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.core.Hashing;
import msb.data.BarImporter;
import msb.data.CohortSignals;
import msb.data.CohortStore;
import msb.data.FundingImporter;
import msb.data.FundingInfo;
import msb.data.FundingStore;
import msb.data.ImportFormat;
import msb.data.Intervals;
import msb.data.RawStore;
import msb.data.SourceInfo;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code msb data import}: validates a bar or funding file and stores it canonically. */
@Command(name = "import", header = "Validate a bar or funding-rate file and store it canonically.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Validate a bar file (or a funding-rate file) and store it under datasets/raw/<SYMBOL>/.",
                "Any invalid row exits 2 naming the file, line and fix; nothing is written then.",
                "Bars are stored stamped at their close (open + interval); gaps are reported and kept.",
                "Each import keeps its source name (default: the file's base name); re-importing a source",
                "replaces it, --merge adds the new bars to it instead."},
        footer = {"", "Writes: datasets/raw/<SYMBOL>/ (bars), .../funding/ or .../cohorts/ under --home; nothing on exit 2.", "Examples: msb data import --in binance-BTCUSDT-1h.json",
                "          msb data import --in BTC_USDT-5m.feather   (freqtrade's feather data; .parquet alike)",
                "          msb data import --funding BTC_USDT-funding_rate.json --format freqtrade-json"})
public final class DataImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Input {
        @Option(names = "--in", paramLabel = "FILE", required = true, description = "Bar file to import.")
        Path in;
        @Option(names = "--funding", paramLabel = "FILE", required = true,
                description = "Funding-rate file to import (stored as a fraction per hour).")
        Path funding;
        @Option(names = "--cohorts", paramLabel = "FILE", required = true,
                description = "Cohort signal CSV to import: ts,S_top,S_bot,mood (ts = bar close; values in [-1, 1]).")
        Path cohorts;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "Bars: auto, csv, coinbase-json, binance-json, binance-klines, freqtrade-json, "
                    + "bitstamp-trades, hyperliquid-json, feather (freqtrade's data files), parquet. Funding: auto, csv, bitmex-json, freqtrade-json, "
                    + "hyperliquid-json. Default: ${DEFAULT-VALUE} (recognises every layout).")
    String format;

    @Mixin
    SymbolOption symbol;

    @Option(names = "--source", paramLabel = "NAME", description = "Source name (default: the input file's base name).")
    String source;

    @Option(names = "--ts-is", paramLabel = "open|close",
            description = "Generic CSV only: whether times are bar open (the default) or close times.")
    String tsIs;

    @Option(names = "--interval", paramLabel = "INTERVAL",
            description = "Bar interval (e.g. 5m, 1h). bitstamp-trades: the bars to build (default 5m); other formats: inferred as the most common step unless given.")
    String interval;

    @Option(names = "--funding-period-hours", paramLabel = "H", defaultValue = "8",
            description = "Funding csv and freqtrade-json: the settlement period the rates are quoted for (default ${DEFAULT-VALUE}, as on Binance/BitMEX).")
    double fundingPeriodHours;

    @Option(names = "--merge", description = "Add the bars to the stored source instead of replacing it (the new bar wins where both have one).")
    boolean merge;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Workspace ws = Cli.workspace(spec);
        if (input.in != null) return importBars(ws);
        return input.funding != null ? importFunding(ws) : importCohorts(ws);
    }

    /**
     * Jackson's set-up and the stored metadata's serializer (about 0.1 s of one-time work on the quick-start
     * compiler) are made on a thread of their own while the input is read and parsed, instead of after it.
     */
    private static void prepareJson() {
        Thread.ofPlatform().daemon().name("msb-json-setup").start(() -> {
            try {
                Json.mapper().writerFor(SourceInfo.class);
            } catch (RuntimeException e) {
                // nothing made ahead: the store's own write makes it, and reports a real problem
            }
        });
    }

    private int importBars(Workspace ws) {
        boolean tsIsOpen = switch (tsIs == null ? "open" : tsIs.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "open" -> true;
            case "close" -> false;
            default -> throw new UserInputException("--ts-is '" + tsIs + "': use open or close");
        };
        long intervalSec = interval == null ? 0 : Intervals.parseSeconds(interval, "--interval");
        prepareJson();
        BarImporter.Result r = BarImporter.read(input.in, new BarImporter.Options(ImportFormat.parse(format), tsIsOpen, intervalSec));
        if (tsIs != null && r.format() != ImportFormat.CSV) {
            throw new UserInputException("--ts-is applies to generic CSV only; " + input.in + " is " + r.format().cliName()
                    + ", whose times are defined by the format: drop --ts-is");
        }
        msb.data.SymbolCheck.require(r.symbolInData(), symbol.value(), input.in.toString());
        String name = source != null ? source : RawStore.sourceNameOf(input.in);
        String file = input.in.getFileName().toString();
        Map<String, Object> doc = new TreeMap<>();
        SourceInfo info;
        if (merge) {
            RawStore.MergeResult m = RawStore.merge(ws, symbol.value(), name, r.bars(), file, r.inputSha256(), r.format().cliName());
            info = m.info();
            doc.put("added", m.added());
            doc.put("replaced", m.replaced());
            doc.put("unchanged", m.unchanged());
        } else {
            info = RawStore.replace(ws, symbol.value(), name, r.bars(), file, r.inputSha256(), r.format().cliName());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            doc.put("stored", info);
            doc.put("imported_rows", r.bars().size());
            doc.put("dir", ws.rawDir(symbol.value()).toString());
            doc.put("mode", merge ? "merge" : "replace");
            out.print(Json.pretty(doc));
        } else {
            out.printf("stored %s bars as source '%s' (%s) in %s%n", symbol.value(), name, r.format().cliName(), ws.rawDir(symbol.value()));
            if (merge) {
                out.printf("  merged:   %d rows read: %d added, %d replaced, %d unchanged%n", r.bars().size(),
                        doc.get("added"), doc.get("replaced"), doc.get("unchanged"));
            }
            DataSupport.printSeries(out, info);
        }
        out.flush();
        return 0;
    }

    private int importCohorts(Workspace ws) {
        byte[] bytes = readAll(input.cohorts);
        CohortSignals series = CohortStore.read(input.cohorts.toString(), bytes);
        CohortStore.Info info = CohortStore.store(ws, symbol.value(), series, input.cohorts.getFileName().toString(), Hashing.sha256(bytes));
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            out.print(Json.pretty(Map.of("stored", info, "dir", ws.rawDir(symbol.value()).resolve("cohorts").toString())));
        } else {
            out.printf("stored %s cohort signals in %s%n", symbol.value(), ws.rawDir(symbol.value()).resolve("cohorts"));
            out.printf("  rows:       %d%n", info.rows());
            out.printf("  range:      %s .. %s%n", info.first(), info.last());
        }
        out.flush();
        return 0;
    }

    private static byte[] readAll(Path file) { return BarImporter.readInput(file); }

    private int importFunding(Workspace ws) {
        FundingImporter.Result r = FundingImporter.read(input.funding, FundingImporter.Format.parse(format), fundingPeriodHours);
        String name = source != null ? source : RawStore.sourceNameOf(input.funding);
        String file = input.funding.getFileName().toString();
        FundingInfo info = merge
                ? FundingStore.merge(ws, symbol.value(), name, r.series(), file, r.inputSha256(), r.format().cliName(), r.periodHours()).info()
                : FundingStore.replace(ws, symbol.value(), name, r.series(), file, r.inputSha256(), r.format().cliName(),
                        r.periodHours(), r.duplicatesDropped());
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            out.print(Json.pretty(Map.of("stored", info, "dir", ws.rawDir(symbol.value()).resolve("funding").toString(),
                    "snapped", Map.of("rows", r.snapped(), "max_ms", r.maxSnapMs()))));
        } else {
            out.printf("stored %s funding as source '%s' (%s) in %s%n", symbol.value(), name, r.format().cliName(),
                    ws.rawDir(symbol.value()).resolve("funding"));
            out.printf("  rows:       %d settlements (%d exact duplicates dropped)%n", info.rows(), info.duplicatesDropped());
            out.printf("  range:      %s .. %s%n", info.first(), info.last());
            if (r.snapped() > 0) {
                out.printf("  snapped:    %d settlement stamps moved onto their whole hour (exchange jitter, at most %d ms)%n",
                        r.snapped(), r.maxSnapMs());
            }
            out.printf("  period:     %s; stored as a fraction per hour%n",
                    r.periodHours() == 0 ? "read per record" : "rates quoted per " + Intervals.label(Math.round(r.periodHours() * 3600)));
        }
        out.flush();
        return 0;
    }
}
