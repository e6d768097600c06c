package msb.model;

import java.util.Map;
import msb.signal.Verdict;

/**
 * One symbol of a pooled training run, as its artifact records it: the dataset the symbol's rows came from, where
 * the pooled split put them, and the verdicts on its own VAL rows. Those verdicts do not block the promotion of the
 * pooled artifact (decided by the verdicts on all pooled VAL rows: one model, judged on everything it is applied to),
 * but they gate the symbol: a member whose own verdicts fail runs in shadow mode in run-live and is flagged in
 * evaluate's failed gates ({@link ArtifactManifest#failedGatesFor}).
 *
 * @param symbol        the member symbol (its data, dataset and runner live under this name)
 * @param datasetSha256 sha256 of the symbol's stored dataset the rows were read from
 * @param splits        per split name: the symbol's rows and bar-close range in the pooled split
 * @param valVerdicts   the verdicts on the symbol's VAL rows (null when the run was refused before fitting)
 */
public record PoolMember(String symbol, String datasetSha256, Map<String, SplitRange> splits, Map<String, Verdict> valVerdicts) {
    public PoolMember {
        splits = splits == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(splits));
        valVerdicts = valVerdicts == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(valVerdicts));
    }

    /** True when the bar lies in the part of this symbol's rows the model was fitted or calibrated on. */
    public boolean seenInFitting(long ts) {
        return SplitRange.seenInFitting(splits, ts);
    }
}
