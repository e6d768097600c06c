package msb.bench;

import java.io.OutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import msb.core.Parallel;
import msb.core.Timeframe;
import msb.data.Bars;
import msb.data.Resampler;
import msb.dataset.Dataset;
import msb.dataset.DatasetBuilder;
import msb.dataset.DatasetCsv;
import msb.dataset.LabelSpec;
import msb.dataset.SplitSpec;

/**
 * The dataset pipeline on 1m bars: resample to every timeframe, then features, labels and splits, the
 * same code {@code dataset build} runs. Timeframes are processed on parallel threads (up to the core count).
 * Labels use the fixed +-10 bps, 1-bar definition of the pandas reference so both do the same job.
 */
public final class DatasetBench {
    public static final LabelSpec LABEL = LabelSpec.fixed(1, 10.0);
    private static final int CSV_BLOCK_ROWS = 4_096;

    private DatasetBench() {}

    /**
     * One pass: every timeframe's dataset, in Timeframe order. Bars are resampled in cascade
     * (1m -> 5m -> 1h -> 12h -> 24h): each coarser bucket holds exactly the bars it would hold if resampled
     * from 1m (every boundary of a coarser timeframe is one of the finer), and it is complete exactly when
     * every 1m bar is there; only the volume sum is added up in another order (last-bit differences).
     * Features, labels and splits of the timeframes then run on {@code threads} threads.
     */
    public static List<DatasetBuilder.Computed> run(Bars minutes, int threads) {
        Timeframe[] tfs = Timeframe.values();
        Bars[] bars = new Bars[tfs.length];
        int[] dropped = new int[tfs.length];
        Bars finer = minutes;
        for (int k = 0; k < tfs.length; k++) {
            Resampler.Result rs = Resampler.resample(finer, tfs[k].seconds());
            bars[k] = rs.bars();
            // the same count as from 1m: a coarser bucket lacks a 1m bar exactly when it lacks a finer bucket
            dropped[k] = rs.droppedIncomplete();
            finer = rs.bars();
        }
        if (threads <= 1) {
            List<DatasetBuilder.Computed> out = new ArrayList<>();
            for (int k = 0; k < tfs.length; k++) out.add(one(bars[k], tfs[k], dropped[k]));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<DatasetBuilder.Computed>> fs = new ArrayList<>();
            for (int k = 0; k < tfs.length; k++) {
                Bars b = bars[k];
                Timeframe tf = tfs[k];
                int d = dropped[k];
                fs.add(pool.submit(() -> one(b, tf, d)));
            }
            List<DatasetBuilder.Computed> out = new ArrayList<>();
            for (Future<DatasetBuilder.Computed> f : fs) out.add(Parallel.join(f));
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private static DatasetBuilder.Computed one(Bars tfBars, Timeframe tf, int dropped) {
        DatasetBuilder.Computed c = DatasetBuilder.compute(tfBars, null, null, tf, "BENCH", LABEL, SplitSpec.DEFAULT);
        return new DatasetBuilder.Computed(c.dataset(), c.schema(), c.tfBars(), dropped, c.barsBeforeInputs(), c.barsAfterInputs(),
                c.barsWithoutCross());
    }

    /**
     * Writes {@code <tf>.csv} per timeframe (the {@code dataset show} layout) into {@code dir}. Rows are
     * formatted in blocks on {@code threads} threads, then written in order.
     */
    public static void writeCsvs(List<DatasetBuilder.Computed> results, Path dir, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            Files.createDirectories(dir);
            List<List<Future<byte[]>>> blocks = new ArrayList<>();
            for (DatasetBuilder.Computed c : results) {
                Dataset d = c.dataset();
                List<Future<byte[]>> fs = new ArrayList<>();
                for (int i = 0; i < d.rows(); i += CSV_BLOCK_ROWS) {
                    int from = i, to = Math.min(d.rows(), i + CSV_BLOCK_ROWS);
                    fs.add(pool.submit(() -> DatasetCsv.rows(d, from, to)));
                }
                blocks.add(fs);
            }
            for (int k = 0; k < results.size(); k++) {
                Dataset d = results.get(k).dataset();
                Path file = dir.resolve(d.tf().label() + ".csv");
                try (OutputStream out = Files.newOutputStream(file)) {
                    out.write(DatasetCsv.header(d).getBytes(StandardCharsets.ISO_8859_1));
                    for (Future<byte[]> f : blocks.get(k)) out.write(Parallel.join(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write into " + dir + ": " + e.getMessage(), e);
        } finally {
            pool.shutdown();
        }
    }
}
