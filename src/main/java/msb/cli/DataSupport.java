package msb.cli;

import java.io.PrintWriter;
import msb.data.GapSummary;
import msb.data.SourceInfo;

/** Output shared by the data commands. */
final class DataSupport {
    private DataSupport() {}

    static void printSeries(PrintWriter out, SourceInfo info) {
        out.printf("  rows:     %d%n", info.rows());
        out.printf("  interval: %s%n", info.intervalLabel());
        out.printf("  range:    %s .. %s (first bar opens .. last bar closes)%n", info.firstOpen(), info.lastClose());
        GapSummary g = info.gaps();
        out.printf("  gaps:     %s%s%n", g.describe(), g.count() == 0 ? "" : "; kept as gaps, never filled");
        for (GapSummary.At at : g.where()) {
            out.printf("            %d missing between the bars closing %s and %s%n", at.missingBars(), at.after(), at.before());
        }
        if (g.count() > g.where().size()) out.printf("            ... and %d more%n", g.count() - g.where().size());
    }
}
