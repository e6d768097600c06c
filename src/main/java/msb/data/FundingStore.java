package msb.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import msb.core.AtomicFiles;
import msb.core.FileSet;
import msb.core.Json;
import msb.core.UserInputException;
import msb.core.Workspace;

/**
 * Funding series under {@code datasets/raw/<SYMBOL>/funding/}: {@code <source>.csv} ({@code ts,rate_per_hour},
 * settlement time in unix seconds, full double precision) and a {@link FundingInfo} sidecar.
 */
public final class FundingStore {
    private FundingStore() {}

    public record MergeResult(FundingInfo info, int added, int unchanged) {}

    static Path dir(Workspace ws, String symbol) { return ws.rawDir(symbol).resolve("funding"); }

    public static List<FundingInfo> sources(Workspace ws, String symbol) {
        Path dir = dir(ws, symbol);
        if (!Files.isDirectory(dir)) return List.of();
        List<FundingInfo> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".json") || name.startsWith(".")) continue;
                String source = name.substring(0, name.length() - 5);
                if (Files.isRegularFile(dir.resolve(source + ".csv"))) out.add(Json.read(p, FundingInfo.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    public static FundingSeries load(Workspace ws, String symbol, String source) {
        Path file = dir(ws, symbol).resolve(source + ".csv");
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("no stored funding source '" + source + "' for " + symbol
                    + "; import one with msb data import --funding FILE");
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            int n = lines.size() - 1;
            long[] ts = new long[n];
            double[] rate = new double[n];
            for (int i = 0; i < n; i++) {
                String line = lines.get(i + 1);
                int comma = line.indexOf(',');
                ts[i] = Long.parseLong(line.substring(0, comma));
                rate[i] = Double.parseDouble(line.substring(comma + 1));
            }
            return new FundingSeries(ts, rate);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new UserInputException(file + " is damaged (" + e.getMessage() + "); delete it and import the funding again");
        }
    }

    public static FundingInfo replace(Workspace ws, String symbol, String source, FundingSeries series, String inputFile,
                                      String inputSha256, String format, double periodHours, int duplicatesDropped) {
        RawStore.checkName(source);
        if (series.size() == 0) throw new UserInputException("no funding settlements to store for " + source);
        Path dir = dir(ws, symbol);
        StringBuilder sb = new StringBuilder(series.size() * 32).append("ts,rate_per_hour\n");
        for (int i = 0; i < series.size(); i++) {
            sb.append(series.ts()[i]).append(',').append(series.ratePerHour()[i]).append('\n');
        }
        // the series and its metadata are replaced as one unit
        FileSet set = new FileSet(dir);
        set.stage(source + ".csv", p -> AtomicFiles.writeString(p, sb.toString()));
        long first = series.ts()[0], last = series.ts()[series.size() - 1];
        FundingInfo info = new FundingInfo(source, symbol, inputFile, inputSha256, format, periodHours, series.size(),
                duplicatesDropped, first, last, Intervals.iso(first), Intervals.iso(last));
        set.stage(source + ".json", p -> Json.write(p, info));
        set.commit();
        return info;
    }

    /** Union by settlement time; where both hold a settlement the incoming rate wins. Idempotent. */
    public static MergeResult merge(Workspace ws, String symbol, String source, FundingSeries incoming, String inputFile,
                                    String inputSha256, String format, double periodHours) {
        boolean exists = Files.isRegularFile(dir(ws, symbol).resolve(source + ".csv"));
        if (!exists) {
            return new MergeResult(replace(ws, symbol, source, incoming, inputFile, inputSha256, format, periodHours, 0),
                    incoming.size(), 0);
        }
        FundingSeries old = load(ws, symbol, source);
        long[] ts = new long[old.size() + incoming.size()];
        double[] rate = new double[ts.length];
        int i = 0, j = 0, n = 0, added = 0, unchanged = 0;
        boolean changed = false;
        while (i < old.size() || j < incoming.size()) {
            if (j >= incoming.size() || (i < old.size() && old.ts()[i] < incoming.ts()[j])) {
                ts[n] = old.ts()[i]; rate[n++] = old.ratePerHour()[i++];
            } else if (i >= old.size() || incoming.ts()[j] < old.ts()[i]) {
                ts[n] = incoming.ts()[j]; rate[n++] = incoming.ratePerHour()[j++];
                added++;
                changed = true;
            } else {
                if (old.ratePerHour()[i] == incoming.ratePerHour()[j]) unchanged++;
                else changed = true;
                ts[n] = incoming.ts()[j]; rate[n++] = incoming.ratePerHour()[j++];
                i++;
            }
        }
        FundingSeries merged = new FundingSeries(Arrays.copyOf(ts, n), Arrays.copyOf(rate, n));
        FundingInfo info = changed
                ? replace(ws, symbol, source, merged, inputFile, inputSha256, format, periodHours, 0)
                : sources(ws, symbol).stream().filter(f -> f.source().equals(source)).findFirst().orElseThrow();
        return new MergeResult(info, added, unchanged);
    }
}
