package msb.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import msb.core.AtomicFiles;
import msb.core.FileSet;
import msb.core.Json;
import msb.core.UserInputException;
import msb.core.Workspace;

/**
 * Cohort signals of a symbol: imported from a CSV {@code ts,S_top,S_bot,mood} (header required; ts in unix
 * s, ms or ISO-8601, the bar close time) and stored as {@code datasets/raw/<SYMBOL>/cohorts/cohorts.csv}
 * (canonical: unix seconds, full precision) with a sidecar. One series per symbol; a new import replaces it.
 */
public final class CohortStore {
    private CohortStore() {}

    /** Sidecar of the stored cohort series. */
    public record Info(String symbol, String inputFile, String inputSha256, int rows, long firstTs, long lastTs,
                       String first, String last) {}

    static Path dir(Workspace ws, String symbol) { return ws.rawDir(symbol).resolve("cohorts"); }

    /** Validates a cohort CSV; refusals name the file, line, field and fix. */
    public static CohortSignals read(String name, byte[] bytes) {
        InputText in = InputText.of(name, bytes);
        InputText.Lines lines = in.lines();
        CsvBarParser.Fields f = new CsvBarParser.Fields();
        lines.next();
        f.split(in, lines);
        String header = lines.text().trim().toLowerCase(Locale.ROOT).replace("\"", "").replace(" ", "");
        if (!header.equals("ts,s_top,s_bot,mood")) {
            throw CsvBarParser.located(in, 1, "the header must be ts,S_top,S_bot,mood (found '" + lines.text().trim() + "')");
        }
        TimeField tf = new TimeField();
        int n = 0;
        long[] ts = new long[256];
        double[][] cols = new double[3][256];
        String[] names = {"S_top", "S_bot", "mood"};
        int prevLine = 0;
        while (lines.next()) {
            f.split(in, lines);
            CsvBarParser.checkCount(in, lines, f, 4, "the header");
            int ln = lines.lineNo;
            long t = CsvBarParser.time(in, tf, f, 0, "ts", ln);
            if (n > 0 && t <= ts[n - 1]) {
                throw CsvBarParser.located(in, ln, "ts " + Intervals.iso(t) + (t == ts[n - 1] ? " repeats" : " is earlier than")
                        + " line " + prevLine + "; sort the file by time and remove duplicates");
            }
            if (n == ts.length) {
                ts = Arrays.copyOf(ts, n * 2);
                for (int k = 0; k < 3; k++) cols[k] = Arrays.copyOf(cols[k], n * 2);
            }
            ts[n] = t;
            for (int k = 0; k < 3; k++) {
                double v = CsvBarParser.number(in, f, k + 1, names[k], ln);
                if (v < -1 || v > 1) {
                    throw CsvBarParser.located(in, ln, names[k] + " is " + v + "; cohort signals lie in [-1, 1] (tanh of a flow)");
                }
                cols[k][n] = v;
            }
            prevLine = ln;
            n++;
        }
        if (n == 0) throw new UserInputException(in.name + " has a header but no data rows; nothing to import");
        return new CohortSignals(Arrays.copyOf(ts, n), Arrays.copyOf(cols[0], n), Arrays.copyOf(cols[1], n),
                Arrays.copyOf(cols[2], n));
    }

    public static Info store(Workspace ws, String symbol, CohortSignals s, String inputFile, String inputSha256) {
        Path dir = dir(ws, symbol);
        StringBuilder sb = new StringBuilder(s.size() * 64).append("ts,S_top,S_bot,mood\n");
        for (int i = 0; i < s.size(); i++) {
            sb.append(s.ts()[i]).append(',').append(s.sTop()[i]).append(',').append(s.sBot()[i]).append(',')
                    .append(s.mood()[i]).append('\n');
        }
        // the signals and their metadata are replaced as one unit
        FileSet set = new FileSet(dir);
        set.stage("cohorts.csv", p -> AtomicFiles.writeString(p, sb.toString()));
        long first = s.ts()[0], last = s.ts()[s.size() - 1];
        Info info = new Info(symbol, inputFile, inputSha256, s.size(), first, last, Intervals.iso(first), Intervals.iso(last));
        set.stage("cohorts.json", p -> Json.write(p, info));
        set.commit();
        return info;
    }

    /**
     * Appends rows after the stored series (rows at or before its last time are skipped: appending the same
     * row twice is harmless), rewriting it atomically; creates the series when none is stored. Returns the
     * rows now stored.
     */
    public static int append(Workspace ws, String symbol, CohortSignals rows, String sourceName) {
        CohortSignals old = load(ws, symbol).orElse(null);
        long after = old == null ? Long.MIN_VALUE : old.ts()[old.size() - 1];
        int from = 0;
        while (from < rows.size() && rows.ts()[from] <= after) from++;
        if (from == rows.size()) return old == null ? 0 : old.size();
        int n0 = old == null ? 0 : old.size();
        int n = n0 + rows.size() - from;
        long[] ts = new long[n];
        double[] top = new double[n];
        double[] bot = new double[n];
        double[] mood = new double[n];
        if (old != null) {
            System.arraycopy(old.ts(), 0, ts, 0, n0);
            System.arraycopy(old.sTop(), 0, top, 0, n0);
            System.arraycopy(old.sBot(), 0, bot, 0, n0);
            System.arraycopy(old.mood(), 0, mood, 0, n0);
        }
        System.arraycopy(rows.ts(), from, ts, n0, n - n0);
        System.arraycopy(rows.sTop(), from, top, n0, n - n0);
        System.arraycopy(rows.sBot(), from, bot, n0, n - n0);
        System.arraycopy(rows.mood(), from, mood, n0, n - n0);
        Info prev = info(ws, symbol).orElse(null);
        String input = prev == null ? sourceName : prev.inputFile().endsWith(sourceName) ? prev.inputFile() : prev.inputFile() + " + " + sourceName;
        store(ws, symbol, new CohortSignals(ts, top, bot, mood), input, "");
        return n;
    }

    public static Optional<CohortSignals> load(Workspace ws, String symbol) {
        Path file = dir(ws, symbol).resolve("cohorts.csv");
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(read(file.toString(), Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    public static Optional<Info> info(Workspace ws, String symbol) {
        Path file = dir(ws, symbol).resolve("cohorts.json");
        return Files.isRegularFile(file) ? Optional.of(Json.read(file, Info.class)) : Optional.empty();
    }
}
