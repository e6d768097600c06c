package msb.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import msb.core.FileSet;
import msb.core.Hashing;
import msb.core.Json;
import msb.core.UserInputException;
import msb.core.Workspace;

/**
 * The canonical store of imported market data under {@code datasets/raw/<SYMBOL>/}: one bar series per
 * source name ({@code <source>.bars} + {@code <source>.json}), never mixed with another source, and
 * funding series under {@code funding/} (see {@link FundingStore}). Every write replaces bars and metadata
 * as one unit; every read checks the bars against the sha256 their metadata records.
 */
public final class RawStore {
    private static final String BARS_EXT = ".bars";
    private static final String INFO_EXT = ".json";

    private RawStore() {}

    /** What a merge did: bars added, bars whose values changed (the newer import wins), bars already identical. */
    public record MergeResult(SourceInfo info, int added, int replaced, int unchanged) {}

    /** Every stored series of a symbol, sorted by source name; empty when nothing is imported. */
    public static List<SourceInfo> sources(Workspace ws, String symbol) {
        Path dir = ws.rawDir(symbol);
        if (!Files.isDirectory(dir)) return List.of();
        List<SourceInfo> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(INFO_EXT) || name.startsWith(".")) continue;
                String source = name.substring(0, name.length() - INFO_EXT.length());
                if (Files.isRegularFile(dir.resolve(source + BARS_EXT))) out.add(Json.read(p, SourceInfo.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    public static Optional<SourceInfo> source(Workspace ws, String symbol, String source) {
        Path info = ws.rawDir(symbol).resolve(source + INFO_EXT);
        if (!Files.isRegularFile(info) || !Files.isRegularFile(ws.rawDir(symbol).resolve(source + BARS_EXT))) {
            return Optional.empty();
        }
        return Optional.of(Json.read(info, SourceInfo.class));
    }

    /** The series with the shortest interval (ties: most rows, then name), or empty when nothing is stored. */
    public static Optional<SourceInfo> finest(Workspace ws, String symbol) {
        return sources(ws, symbol).stream().min(FINEST_FIRST);
    }

    /** Shorter interval first, then more rows, then by name (a stable choice among equals). */
    private static final Comparator<SourceInfo> FINEST_FIRST = Comparator.comparingLong(SourceInfo::intervalSec)
            .thenComparing(Comparator.comparingInt(SourceInfo::rows).reversed())
            .thenComparing(SourceInfo::source);

    /**
     * The stored series of {@code other} that cross-asset features of a {@code tfSec} series over [firstTs, lastTs]
     * read: among those whose interval divides the timeframe, the one overlapping that range longest, then the
     * finest (a 5m file of another year must not shadow the 1h file that covers the range). Empty when none is stored.
     */
    public static Optional<SourceInfo> forCross(Workspace ws, String other, long tfSec, long firstTs, long lastTs) {
        List<SourceInfo> all = sources(ws, other);
        List<SourceInfo> usable = all.stream().filter(s -> s.intervalSec() <= tfSec && tfSec % s.intervalSec() == 0).toList();
        List<SourceInfo> pool = usable.isEmpty() ? all : usable; // none usable: the caller names the interval problem
        return pool.stream().min(Comparator.comparingLong((SourceInfo s) -> -Math.max(0, Math.min(lastTs, s.lastTs()) - Math.max(firstTs, s.firstTs())))
                .thenComparing(FINEST_FIRST));
    }

    /** The stored bars of a source; a missing source is a user error listing what is stored. */
    public static Bars load(Workspace ws, String symbol, String source) {
        Path file = ws.rawDir(symbol).resolve(source + BARS_EXT);
        if (!Files.isRegularFile(file)) {
            List<String> names = sources(ws, symbol).stream().map(SourceInfo::source).toList();
            throw new UserInputException("no stored source '" + source + "' for " + symbol + " under " + ws.rawDir(symbol)
                    + (names.isEmpty() ? "; import data first with msb data import --in FILE"
                    : "; stored sources: " + String.join(", ", names)));
        }
        Path infoFile = ws.rawDir(symbol).resolve(source + INFO_EXT);
        String fix = "; re-import the source: msb data import --in FILE --source " + source + " --symbol " + symbol;
        if (!Files.isRegularFile(infoFile)) {
            throw new UserInputException(file + " has no " + infoFile.getFileName() + " recording its sha256 (an import was"
                    + " interrupted or the file was copied in by hand)" + fix);
        }
        SourceInfo info = Json.read(infoFile, SourceInfo.class);
        // the check and the read each go over the whole file: side by side on two cores; the check's verdict
        // comes first either way (a file that fails both is reported as not matching its sha256)
        java.util.concurrent.CompletableFuture<String> hashing =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> Hashing.sha256(file));
        Bars bars = null;
        RuntimeException unreadable = null;
        try {
            bars = BarFile.read(file);
        } catch (RuntimeException e) {
            unreadable = e;
        }
        String actual;
        try {
            actual = hashing.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        if (!actual.equals(info.barsSha256())) {
            throw new UserInputException(file + ": sha256 " + actual + " does not match " + infoFile.getFileName() + "'s "
                    + info.barsSha256() + " (the bars were replaced or edited without their metadata)" + fix);
        }
        if (unreadable != null) throw unreadable;
        return bars;
    }

    /**
     * Stores {@code bars} as {@code source}, replacing whatever was stored under that name: the bars and
     * their metadata (which records the bars' sha256) are replaced as one unit ({@link FileSet}).
     */
    public static SourceInfo replace(Workspace ws, String symbol, String source, Bars bars, String inputFile,
                                     String inputSha256, String format) {
        checkName(source);
        FileSet set = new FileSet(ws.rawDir(symbol));
        String[] barsSha256 = new String[1];
        set.stage(source + BARS_EXT, p -> barsSha256[0] = BarFile.write(p, bars)); // hashed as written
        SourceInfo info = SourceInfo.of(source, symbol, inputFile, inputSha256, format, bars, barsSha256[0]);
        set.stage(source + INFO_EXT, p -> Json.write(p, info));
        set.commit();
        return info;
    }

    /**
     * Merges {@code bars} into the stored series of {@code source} (creating it when absent): the union by
     * close time, the incoming bar winning where both have one. Merging the same bars twice changes nothing.
     */
    public static MergeResult merge(Workspace ws, String symbol, String source, Bars bars, String inputFile,
                                    String inputSha256, String format) {
        checkName(source);
        Optional<SourceInfo> existing = source(ws, symbol, source);
        if (existing.isEmpty()) {
            return new MergeResult(replace(ws, symbol, source, bars, inputFile, inputSha256, format), bars.size(), 0, 0);
        }
        Bars old = load(ws, symbol, source);
        if (old.intervalSec() != bars.intervalSec()) {
            throw new UserInputException("source '" + source + "' holds " + Intervals.label(old.intervalSec())
                    + " bars and the new data is " + Intervals.label(bars.intervalSec())
                    + "; import it under another name with --source");
        }
        BarsBuilder out = new BarsBuilder();
        int i = 0, j = 0, added = 0, replaced = 0, unchanged = 0;
        while (i < old.size() || j < bars.size()) {
            if (j >= bars.size() || (i < old.size() && old.ts(i) < bars.ts(j))) {
                append(out, old, i++);
            } else if (i >= old.size() || bars.ts(j) < old.ts(i)) {
                append(out, bars, j++);
                added++;
            } else {
                if (sameBar(old, i, bars, j)) unchanged++;
                else replaced++;
                append(out, bars, j++);
                i++;
            }
        }
        if (added == 0 && replaced == 0) return new MergeResult(existing.get(), 0, 0, unchanged);
        SourceInfo info = replace(ws, symbol, source, out.build(old.intervalSec()), inputFile, inputSha256, format);
        return new MergeResult(info, added, replaced, unchanged);
    }

    private static void append(BarsBuilder out, Bars b, int k) {
        out.add(b.ts(k), b.open()[k], b.high()[k], b.low()[k], b.close()[k], b.volume()[k],
                b.hasTakerBuy() ? b.takerBuyOrNull()[k] : Double.NaN);
    }

    private static boolean sameBar(Bars a, int i, Bars b, int j) {
        return a.open()[i] == b.open()[j] && a.high()[i] == b.high()[j] && a.low()[i] == b.low()[j]
                && a.close()[i] == b.close()[j] && a.volume()[i] == b.volume()[j]
                && a.hasTakerBuy() == b.hasTakerBuy() && (!a.hasTakerBuy() || a.takerBuyOrNull()[i] == b.takerBuyOrNull()[j]);
    }

    /** The funding series to use with the stored bars: the only one, or the one with the most settlements. */
    public static Optional<FundingSeries> funding(Workspace ws, String symbol) {
        return FundingStore.sources(ws, symbol).stream()
                .max(Comparator.comparingInt(FundingInfo::rows).thenComparing(FundingInfo::source, Comparator.reverseOrder()))
                .map(f -> FundingStore.load(ws, symbol, f.source()));
    }

    /** The imported cohort signals (ts, S_top, S_bot, mood), or empty: then cohort features are absent. */
    public static Optional<CohortSignals> cohorts(Workspace ws, String symbol) {
        return CohortStore.load(ws, symbol);
    }

    /**
     * A safe source name from a file name: the base name without its extension, every character other
     * than letters, digits, '.', '_' and '-' replaced by '-'.
     */
    public static String sourceNameOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0) name = name.substring(0, dot);
        String s = name.replaceAll("[^A-Za-z0-9._-]", "-");
        while (s.startsWith(".")) s = s.substring(1);
        return s.isEmpty() ? "bars" : s;
    }

    static void checkName(String source) {
        if (!source.matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}")) {
            throw new UserInputException("source name '" + source + "' is not usable as a file name; use letters, digits,"
                    + " '.', '_' and '-' (not starting with '.')");
        }
    }
}
