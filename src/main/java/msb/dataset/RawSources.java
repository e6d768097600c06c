package msb.dataset;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import msb.core.Hashing;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.data.BarFile;
import msb.data.Bars;

/**
 * Finds the stored series a dataset is built from: the source named by {@code --source}, else the one with
 * the finest bars. The one place that knows the raw store's layout on the dataset side.
 */
final class RawSources {
    static final String BARS_EXT = ".bars";

    private RawSources() {}

    static SourceData resolve(Workspace ws, String symbol, String sourceNameOrNull, PrintStream err) {
        Path dir = ws.rawDir(symbol);
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(BARS_EXT)).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
            }
        }
        if (files.isEmpty()) {
            throw new UserInputException("no bars stored for " + symbol + " under " + dir
                    + "; import some first: msb data import --in FILE --symbol " + symbol);
        }
        if (sourceNameOrNull != null) {
            Path p = dir.resolve(sourceNameOrNull + BARS_EXT);
            if (!files.contains(p)) {
                throw new UserInputException("--source " + sourceNameOrNull + ": no such source for " + symbol + " (stored: "
                        + String.join(", ", files.stream().map(RawSources::name).toList()) + ")");
            }
            return load(p);
        }
        SourceData finest = files.stream().map(RawSources::load)
                .min(Comparator.comparingLong((SourceData s) -> s.bars().intervalSec()).thenComparing(SourceData::name))
                .orElseThrow();
        if (files.size() > 1) err.println("msb: using source " + finest.name() + " (the finest stored bars; --source picks another)");
        return finest;
    }

    private static String name(Path p) {
        String f = p.getFileName().toString();
        return f.substring(0, f.length() - BARS_EXT.length());
    }

    private static SourceData load(Path p) {
        Bars bars = BarFile.read(p);
        return new SourceData(name(p), bars, null, null, Map.of(p.getFileName().toString(), Hashing.sha256(p)));
    }
}
