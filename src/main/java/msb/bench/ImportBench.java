package msb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import msb.data.BarFile;
import msb.data.BarImporter;
import msb.data.Bars;

/**
 * Throughput of the data layer: parsing and validating a generic CSV of 1m bars (unix seconds, prices
 * with cents) from memory, and loading the canonical bar file. Seeded, so every run reads the same bytes.
 */
public final class ImportBench {
    private ImportBench() {}

    /** Median seconds of the timed passes. */
    public record Result(int rows, int csvBytes, double parseSeconds, double loadSeconds) {
        public double parseBarsPerSecond() { return rows / parseSeconds; }
        public double loadBarsPerSecond() { return rows / loadSeconds; }
    }

    public static byte[] syntheticCsv(int rows, long seed) {
        StringBuilder sb = new StringBuilder(rows * 56).append("timestamp,open,high,low,close,volume\n");
        Random r = new Random(seed);
        long price = 3_000_000; // cents
        for (int i = 0; i < rows; i++) {
            long open = price, close = Math.max(100, price + (long) (r.nextGaussian() * 1500));
            long high = Math.max(open, close) + r.nextInt(500), low = Math.max(1, Math.min(open, close) - r.nextInt(500));
            sb.append(1_600_000_000L + 60L * i).append(',');
            cents(sb, open).append(',');
            cents(sb, high).append(',');
            cents(sb, low).append(',');
            cents(sb, close).append(',').append(r.nextInt(100_000) / 1000.0).append('\n');
            price = close;
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static StringBuilder cents(StringBuilder sb, long c) {
        sb.append(c / 100).append('.');
        long f = c % 100;
        return sb.append(f < 10 ? "0" : "").append(f);
    }

    public static Result run(int rows, long seed, int warmup, int iterations, Path tmpDir) {
        byte[] csv = syntheticCsv(rows, seed);
        BarImporter.Options options = BarImporter.Options.auto();
        Bars bars = null;
        double[] parse = new double[iterations];
        for (int i = 0; i < warmup + iterations; i++) {
            long t0 = System.nanoTime();
            bars = BarImporter.read("bench.csv", csv, options).bars();
            if (i >= warmup) parse[i - warmup] = (System.nanoTime() - t0) / 1e9;
        }
        double[] load = new double[iterations];
        try {
            Path file = Files.createTempFile(tmpDir, "bench", ".bars");
            try {
                BarFile.write(file, bars);
                for (int i = 0; i < warmup + iterations; i++) {
                    long t0 = System.nanoTime();
                    BarFile.read(file);
                    if (i >= warmup) load[i - warmup] = (System.nanoTime() - t0) / 1e9;
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(rows, csv.length, median(parse), median(load));
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
