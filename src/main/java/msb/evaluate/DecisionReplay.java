package msb.evaluate;

/**
 * The live decision logic replayed over evaluated rows: given each row's class probabilities, what did the
 * strategy decide, block, order and earn? The production implementation drives the trading engine with the
 * timeframe's live config, the same code as run-live.
 */
public interface DecisionReplay {
    /**
     * @param probs    one {@code {p_down, p_neutral, p_up}} row per evaluated row
     * @param bmaProbs the BMA second opinion per row (the bandit's model_bma arm), or null when there is none
     */
    ReplayResult replay(EvalRows rows, double[][] probs, double[][] bmaProbs);

    default ReplayResult replay(EvalRows rows, double[][] probs) { return replay(rows, probs, null); }

    /** The live threshold S_MIN on |signal|. */
    double sMin();

    /** The same replay acting on an artifact's signal (centred by its reference drift, or raw). */
    DecisionReplay withSignal(msb.signal.SignalSpec s);

    /** Fee plus slippage of one fill, as a fraction of notional (what buy-and-hold pays on entry and exit). */
    double costPerSideFrac();
}
