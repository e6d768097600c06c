package msb.model;

/**
 * A fitted classifier over scaled feature rows. Batch form: probabilities [down, neutral, up] for the
 * requested row indices of a chronological matrix; a sequence model reads the {@link #historyRows()}
 * rows ending at each index (rows before the start repeat the first row).
 */
public interface ProbaModel {
    int historyRows();

    /** One probability row [down, neutral, up] per entry of {@code rows}. */
    double[][] predict(double[][] x, int[] rows);
}
