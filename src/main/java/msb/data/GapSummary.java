package msb.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The gaps of a bar series: how many, how many bar slots they leave empty, the largest, and where the
 * first few are (as ISO close times of the bars on either side). Gaps are legal and kept as gaps.
 */
public record GapSummary(int count, long missingBars, long largestMissingBars, List<At> where) {
    public static final int WHERE_LIMIT = 5;

    public GapSummary {
        where = List.copyOf(where);
    }

    /** One gap: the bars closing at {@code after} and {@code before} have {@code missingBars} empty slots between. */
    public record At(String after, String before, long missingBars) {}

    public static GapSummary of(Bars bars) {
        List<Bars.Gap> gaps = bars.gaps();
        long missing = 0, largest = 0;
        List<At> where = new ArrayList<>();
        for (Bars.Gap g : gaps) {
            missing += g.missingBars();
            largest = Math.max(largest, g.missingBars());
            if (where.size() < WHERE_LIMIT) {
                where.add(new At(Intervals.iso(g.afterTs()), Intervals.iso(g.beforeTs()), g.missingBars()));
            }
        }
        return new GapSummary(gaps.size(), missing, largest, where);
    }

    /** "none" or "3 gaps (5 missing bars, largest 3)". */
    public String describe() {
        if (count == 0) return "none";
        return count + (count == 1 ? " gap" : " gaps") + " (" + missingBars + " missing bar" + (missingBars == 1 ? "" : "s")
                + ", largest " + largestMissingBars + ")";
    }
}
