package msb.live;

/**
 * The retraining schedule of a runner ({@code run-live --retrain-every}), kept in every checkpoint's status so
 * that a restart continues it and {@code status} shows it. Times are bar close times (seconds), never wall clock.
 *
 * @param every              the interval as given (1d, 12h, 30m)
 * @param liveRunId          the run id of the artifact the runner trades with now
 * @param nextDueTs          the first bar closing at or after this time starts the next retrain (null before the first bar)
 * @param retrainingThroughTs a retrain in progress on the bars through this time (null when none)
 * @param lastTs             the bar at whose boundary the last retrain concluded (null before the first)
 * @param lastOutcome        swapped, refused or failed (null before the first)
 * @param lastRunId          the run id the last retrain produced (null when it failed before writing one)
 * @param lastDetail         the failed verdicts with their figures, or why it failed, or the swap (old -> new)
 */
public record RetrainStatus(String every, long everySec, String liveRunId, Long nextDueTs, Long retrainingThroughTs,
                            Long lastTs, String lastOutcome, String lastRunId, String lastDetail, long swaps, long refusals,
                            long failures) {
    public static final String SWAPPED = "swapped", REFUSED = "refused", FAILED = "failed";

    static RetrainStatus fresh(String every, long everySec, String liveRunId) {
        return new RetrainStatus(every, everySec, liveRunId, null, null, null, null, null, null, 0, 0, 0);
    }

    RetrainStatus withSchedule(String every, long everySec) {
        return new RetrainStatus(every, everySec, liveRunId, nextDueTs, retrainingThroughTs, lastTs, lastOutcome, lastRunId,
                lastDetail, swaps, refusals, failures);
    }

    RetrainStatus withNextDue(Long ts) {
        return new RetrainStatus(every, everySec, liveRunId, ts, retrainingThroughTs, lastTs, lastOutcome, lastRunId, lastDetail,
                swaps, refusals, failures);
    }

    RetrainStatus retraining(Long throughTs) {
        return new RetrainStatus(every, everySec, liveRunId, nextDueTs, throughTs, lastTs, lastOutcome, lastRunId, lastDetail,
                swaps, refusals, failures);
    }

    /** The retrain concluded at the boundary after bar {@code atTs}; the next one is due an interval after the last due time. */
    RetrainStatus concluded(long atTs, String outcome, String live, String runIdOrNull, String detail) {
        long next = nextDueTs == null ? atTs + everySec : nextDueTs;
        while (next <= atTs) next += everySec;
        return new RetrainStatus(every, everySec, live, next, null, atTs, outcome, runIdOrNull, detail,
                swaps + (SWAPPED.equals(outcome) ? 1 : 0), refusals + (REFUSED.equals(outcome) ? 1 : 0),
                failures + (FAILED.equals(outcome) ? 1 : 0));
    }
}
