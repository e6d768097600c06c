package msb.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import msb.core.Hashing;
import msb.core.UserInputException;

/**
 * Several symbols' datasets of one timeframe pooled into one (pooled training, issue 13). Each member's rows keep
 * the features computed from its own bars (pooling only interleaves finished rows, so nothing crosses symbols
 * unless a cross-asset feature says so). The split is re-cut by time: the validation and test cut-offs are bar-close
 * times common to every symbol (the split fractions applied to the pooled row count), so no symbol's later rows
 * train a model judged on another's earlier ones; the purge and the embargo are applied within each symbol's series
 * ({@link SplitSpec#assignAt}). Pooled rows are ordered by bar close, then by the symbols' order, so that contiguous
 * blocks of rows (the stack's out-of-fold blocks, the calibration folds, the bootstrap blocks) are blocks of time.
 *
 * @param pooled      the interleaved rows; its symbol is {@link #poolName}, its sha256 covers the members' hashes
 * @param symbols     member symbols, in the order given
 * @param members     each symbol's dataset with the pooled split (same rows and values as stored, split re-cut)
 * @param symbolOfRow index into {@code symbols} of each pooled row
 * @param memberRowOf row index inside its member dataset of each pooled row
 * @param valFromTs   first bar close of the validation part (rows before it are TRAIN or purged)
 * @param testFromTs  first bar close of the test part ({@link Long#MAX_VALUE} when the split has no test part)
 */
public record PooledDataset(Dataset pooled, List<String> symbols, List<Dataset> members, int[] symbolOfRow, int[] memberRowOf,
                            long valFromTs, long testFromTs) {
    public PooledDataset {
        symbols = List.copyOf(symbols);
        members = List.copyOf(members);
    }

    /** The name a pool is stored under (models/NAME/TF/): its symbols joined by '-', e.g. BTC-ETH. */
    public static String poolName(List<String> symbols) { return String.join("-", symbols); }

    /**
     * @param datasets    one dataset per symbol, same timeframe, columns and schema
     * @param split       the fractions and the embargo (the cut-offs come from the fractions of the pooled rows)
     * @param horizonBars the label horizon: the rows purged at the end of each symbol's TRAIN and VAL parts
     */
    public static PooledDataset of(List<Dataset> datasets, SplitSpec split, int horizonBars) {
        if (datasets.size() < 2) throw new UserInputException("pooled training needs at least two symbols, got " + datasets.size());
        Dataset first = datasets.getFirst();
        List<String> symbols = new ArrayList<>();
        for (Dataset d : datasets) {
            if (symbols.contains(d.symbol())) {
                throw new UserInputException("symbol " + d.symbol() + " is listed twice; list each symbol once");
            }
            symbols.add(d.symbol());
            if (!d.tf().equals(first.tf())) {
                throw new UserInputException("the " + d.symbol() + " dataset is " + d.tf().label() + ", the " + first.symbol()
                        + " one " + first.tf().label() + "; pool datasets of one timeframe");
            }
            if (!d.schemaHash().equals(first.schemaHash()) || !d.columns().equals(first.columns())) {
                throw new UserInputException("the " + d.symbol() + " dataset has schema " + d.schemaHash() + " " + d.columns()
                        + ", the " + first.symbol() + " one " + first.schemaHash() + " " + first.columns()
                        + "; build every symbol's dataset with the same feature set");
            }
        }
        int n = datasets.stream().mapToInt(Dataset::rows).sum();
        long[] allTs = new long[n];
        int k = 0;
        for (Dataset d : datasets) for (long t : d.ts()) allTs[k++] = t;
        Arrays.sort(allTs);
        int nTrain = (int) Math.floor(n * split.trainFrac());
        int nTrainVal = split.testFrac() == 0 ? n : nTrain + (int) Math.floor(n * split.valFrac());
        long valFrom = nTrain < n ? allTs[nTrain] : Long.MAX_VALUE;
        long testFrom = nTrainVal < n ? allTs[nTrainVal] : Long.MAX_VALUE;

        List<Dataset> members = new ArrayList<>();
        for (Dataset d : datasets) {
            Split[] s = split.assignAt(d.ts(), valFrom, testFrom, horizonBars);
            members.add(d.withSplit(s));
        }
        // interleave: by bar close, then by the symbols' order
        Integer[] order = new Integer[n];
        int[] sym = new int[n], row = new int[n];
        k = 0;
        for (int m = 0; m < members.size(); m++) {
            for (int i = 0; i < members.get(m).rows(); i++) {
                sym[k] = m;
                row[k] = i;
                order[k] = k;
                k++;
            }
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(o -> members.get(sym[o]).ts()[row[o]]).thenComparingInt(o -> sym[o]));
        long[] ts = new long[n];
        double[][] x = new double[n][];
        int[] label = new int[n], symbolOfRow = new int[n], memberRowOf = new int[n];
        Split[] splits = new Split[n];
        double[] close = new double[n], fwd = new double[n];
        for (int i = 0; i < n; i++) {
            Dataset d = members.get(sym[order[i]]);
            int r = row[order[i]];
            ts[i] = d.ts()[r];
            x[i] = d.x()[r];
            label[i] = d.label()[r];
            splits[i] = d.split()[r];
            close[i] = d.close()[r];
            fwd[i] = d.fwdReturn()[r];
            symbolOfRow[i] = sym[order[i]];
            memberRowOf[i] = r;
        }
        StringBuilder hashes = new StringBuilder();
        for (Dataset d : datasets) hashes.append(d.symbol()).append(':').append(d.sha256()).append('\n');
        Dataset pooled = new Dataset(first.tf(), poolName(symbols), first.columns(), first.schemaHash(), ts, x, label, splits,
                close, fwd, Hashing.sha256(hashes.toString()));
        return new PooledDataset(pooled, symbols, members, symbolOfRow, memberRowOf, valFrom, testFrom);
    }

    /** Pooled rows of one split that belong to symbol {@code m} (an index into {@link #symbols}). */
    public int[] rowsOf(Split s, int m) {
        return java.util.stream.IntStream.range(0, pooled.rows()).filter(i -> pooled.split()[i] == s && symbolOfRow[i] == m).toArray();
    }
}
