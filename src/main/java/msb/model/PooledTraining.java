package msb.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.dataset.Dataset;
import msb.dataset.PooledDataset;
import msb.dataset.SplitSpec;

/**
 * Pooled training (issue 13): one model fitted on several symbols' rows, each symbol's dataset loaded (or built)
 * from its own stored bars, pooled by {@link PooledDataset} (common time cut-offs, purge and embargo per symbol),
 * trained and judged by {@link Training} like any run. The run lives under models/POOL/TF/, POOL being the
 * symbols joined by '-'; its manifest lists the members ({@link PoolMember}).
 */
public final class PooledTraining {
    private PooledTraining() {}

    public static TrainResult train(Workspace ws, List<String> symbols, Timeframe tf, TrainOptions opts, PrintStream err) {
        Training.preloadEngine(ws, symbols, tf, opts);
        return train(ws, symbols, tf, load(ws, symbols, tf, opts, err), opts, err);
    }

    static TrainResult train(Workspace ws, List<String> symbols, Timeframe tf, TrainingData data, TrainOptions opts, PrintStream err) {
        return Training.train(ws, PooledDataset.poolName(symbols), tf, data, opts, err, Clock.systemUTC());
    }

    /** Each symbol's dataset, pooled; refused (exit 2) for kinds that read windows of consecutive rows. */
    public static TrainingData load(Workspace ws, List<String> symbols, Timeframe tf, TrainOptions opts, PrintStream err) {
        checkKind(opts.model());
        List<Dataset> datasets = new ArrayList<>();
        JsonNode firstManifest = null;
        SplitSpec split = null;
        String firstLabel = null;
        for (String s : symbols) {
            Workspace.checkSymbol(s);
            TrainingData d = Training.load(ws, s, tf, opts.labelDefinition(), err);
            String label = d.datasetManifest().path("label").toString();
            SplitSpec sp = splitOf(d.datasetManifest());
            if (firstManifest == null) {
                firstManifest = d.datasetManifest();
                firstLabel = label;
                split = sp;
            } else if (!label.equals(firstLabel) || !sp.equals(split)) {
                throw new UserInputException("the " + tf.label() + " dataset of " + s + " has label " + label + " and split " + sp
                        + ", the " + symbols.getFirst() + " one " + firstLabel + " and " + split
                        + "; build every symbol's dataset with the same label and split (msb dataset build --symbol SYM)");
            }
            datasets.add(d.dataset());
        }
        int horizon = firstManifest.path("label").path("horizon_bars").asInt(1);
        PooledDataset pool = PooledDataset.of(datasets, split, horizon);
        var manifest = Json.mapper().createObjectNode();
        manifest.set("label", firstManifest.get("label"));
        if (firstManifest.has("label_definition")) manifest.set("label_definition", firstManifest.get("label_definition"));
        String source = "pooled datasets of " + String.join(", ", symbols) + " (common cut-offs: VAL from "
                + java.time.Instant.ofEpochSecond(pool.valFromTs()) + ", TEST from "
                + (pool.testFromTs() == Long.MAX_VALUE ? "none" : java.time.Instant.ofEpochSecond(pool.testFromTs())) + ")";
        return new TrainingData(pool.pooled(), manifest, source, pool);
    }

    /** The LSTM (alone or in the stack) reads windows of consecutive rows, which in a pool would mix symbols. */
    static void checkKind(ModelKind kind) {
        if (kind.learners().contains(LearnerKind.LSTM)) {
            throw new UserInputException("--model " + kind.id() + " reads windows of consecutive rows (its LSTM), which pooled rows"
                    + " interleave across symbols; pool with --model gbm, rf or logreg");
        }
    }

    private static SplitSpec splitOf(JsonNode datasetManifest) {
        JsonNode n = datasetManifest.get("split_spec");
        if (n == null || n.isNull()) return SplitSpec.DEFAULT;
        try {
            return Json.mapper().treeToValue(n, SplitSpec.class);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new UserInputException("a dataset manifest's split_spec " + n + " is unreadable (" + e.getMessage() + "); rebuild the dataset", e);
        }
    }
}
