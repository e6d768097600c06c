package msb.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.dataset.Dataset;
import msb.dataset.DatasetBuilder;
import msb.dataset.DatasetCsv;
import msb.dataset.DatasetStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code msb dataset show --tf TF}: the dataset as CSV on stdout (CONTRACT.md). */
@Command(name = "show", header = "Print a dataset as CSV: ts, features, label, split.",
        mixinStandardHelpOptions = true,
        description = {"The dataset as CSV on stdout: header ts,<features in schema order>,label,split; ts = bar close,",
                "unix seconds; label -1/0/1; split train/val/test/purged/embargo; full double precision.",
                "Shows the built dataset; when none is built, or --source names another source, computes it",
                "in memory with the default label and split settings (nothing is written)."},
        footer = {"", "Writes: nothing (CSV on stdout); with --parquet FILE that file instead (under --home).",
                "Examples: msb dataset show --tf 24h > btc-24h.csv",
                "          msb dataset show --tf 24h --parquet exports/btc-24h.parquet   (pandas.read_parquet reads it)"})
public final class DatasetShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tf", required = true, paramLabel = "TF", description = "5m, 1h, 12h, 24h or any timeframe built (15m, 4h, ...)")
    Timeframe tf;

    @Mixin
    SymbolOption symbol;

    @Option(names = "--source", paramLabel = "NAME", description = "Stored source (default: the one the dataset was built from)")
    String source;

    @Option(names = "--parquet", paramLabel = "FILE",
            description = "Write the dataset to this Parquet file instead of CSV on stdout: the same columns after a"
                    + " time column (bar close, UTC timestamp). A relative FILE is under --home.")
    java.nio.file.Path parquet;

    @Override
    public Integer call() {
        Timeframe timeframe = tf;
        Workspace ws = Cli.workspace(spec);
        java.nio.file.Path parquetFile = parquet == null ? null : Cli.underHome(ws, parquet);
        if (parquetFile != null && (!parquetFile.startsWith(ws.home()) || java.nio.file.Files.isDirectory(parquetFile))) {
            throw new msb.core.UserInputException("--parquet " + parquet + (java.nio.file.Files.isDirectory(parquetFile)
                    ? " is a directory; pass a file name, e.g. exports/btc-" + timeframe.label() + ".parquet"
                    : " is outside --home " + ws.home() + "; msb writes only under --home: pass a file under it"
                    + " (a relative FILE is taken under it, e.g. exports/btc-" + timeframe.label() + ".parquet)"));
        }
        Dataset d;
        if (DatasetStore.exists(ws, symbol.value(), timeframe)
                && (source == null || source.equals(DatasetStore.manifest(ws, symbol.value(), timeframe).source().name()))) {
            d = DatasetStore.load(ws, symbol.value(), timeframe);
        } else {
            d = DatasetBuilder.computeFromWorkspace(ws, symbol.value(), timeframe,
                    DatasetBuilder.Options.DEFAULT.withSource(source), Cli.err(spec)).dataset();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (parquetFile != null) {
            msb.core.ParquetFiles.write(parquetFile, msb.dataset.DatasetTable.of(d));
            out.printf("wrote %s: %d rows, %d features, label, split%n", parquetFile, d.rows(), d.columns().size());
        } else {
            DatasetCsv.write(d, out);
        }
        out.flush();
        return 0;
    }
}
