package msb.evaluate;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import msb.core.AtomicFiles;
import msb.core.Timeframe;

/**
 * The backtest parts of report.md (what freqtrade and Qlib users look for): returns per month and year, long
 * and short round trips apart, fees and funding paid, the trade list (table and CSV) and the per-bar
 * predictions (CSV). Every figure comes from the replay the metrics come from.
 */
final class BacktestSections {
    /** Trades listed in report.md; the CSV has them all. */
    static final int TRADES_LISTED = 50;
    /** Below this many days of evaluated bars, annualised figures get a caveat. */
    static final double ANNUALISE_CAVEAT_DAYS = 90;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private BacktestSections() {}

    /** The caveat for annualised figures on a short evaluation, or "" when the span is long enough. */
    static String annualiseCaveat(ArtifactEvaluation e) {
        long[] ts = e.series().ts();
        if (ts.length == 0) return "";
        double days = ts.length * Timeframe.parse(e.tf()).seconds() / 86_400.0;
        if (days >= ANNUALISE_CAVEAT_DAYS) return "";
        return String.format(Locale.ROOT, "> Caveat: the annualised figures (Sharpe, Sortino, return) extrapolate %d %s bars"
                + " (%.1f days) to a year; read them as indicative only.%n%n", ts.length, e.tf(), days);
    }

    /** Compounded net strategy return per calendar month (UTC, by bar close), by year then month (1-12). */
    static Map<Integer, Map<Integer, Double>> monthlyReturns(long[] ts, double[] netReturns) {
        Map<Integer, Map<Integer, Double>> growth = new TreeMap<>();
        for (int i = 0; i < ts.length; i++) {
            ZonedDateTime t = Instant.ofEpochSecond(ts[i]).atZone(ZoneOffset.UTC);
            growth.computeIfAbsent(t.getYear(), y -> new TreeMap<>()).merge(t.getMonthValue(), 1 + netReturns[i], (a, b) -> a * b);
        }
        growth.values().forEach(m -> m.replaceAll((k, g) -> g - 1));
        return growth;
    }

    static void periodReturns(StringBuilder md, ArtifactEvaluation e) {
        Map<Integer, Map<Integer, Double>> monthly = monthlyReturns(e.series().ts(), e.series().netReturns());
        if (monthly.isEmpty()) return;
        md.append("### Returns by month and year\n\nNet strategy return (fees, slippage and funding included), compounded within each "
                + "calendar month (UTC); a month only partly evaluated covers only its evaluated bars.\n\n| year |");
        for (String m : MONTHS) md.append(' ').append(m).append(" |");
        md.append(" year |\n|---|").append("---|".repeat(13)).append('\n');
        monthly.forEach((year, months) -> {
            md.append("| ").append(year).append(" |");
            double g = 1;
            for (int m = 1; m <= 12; m++) {
                Double r = months.get(m);
                md.append(' ').append(r == null ? "" : pct(r)).append(" |");
                if (r != null) g *= 1 + r;
            }
            md.append(' ').append(pct(g - 1)).append(" |\n");
        });
        md.append('\n');
    }

    static void tradeSummary(StringBuilder md, List<Trade> trades) {
        md.append("### Round trips\n\n");
        if (trades.isEmpty()) {
            md.append("No closed round trip on these bars (a position still open at the end is not a round trip).\n\n");
            return;
        }
        md.append("| side | trades | won | net PnL (USD) | gross PnL (USD) | fees paid (USD) | funding paid (USD) | mean duration (bars) |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (String side : new String[] {"long", "short", "all"}) {
            List<Trade> t = side.equals("all") ? trades : trades.stream().filter(x -> x.side().equals(side)).toList();
            long won = t.stream().filter(x -> x.pnlUsd() > 0).count();
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.2f | %.2f | %.2f | %.2f | %s |%n", side, t.size(),
                    t.isEmpty() ? "-" : String.format(Locale.ROOT, "%d (%.1f%%)", won, 100.0 * won / t.size()),
                    t.stream().mapToDouble(Trade::pnlUsd).sum(), t.stream().mapToDouble(Trade::grossPnlUsd).sum(),
                    t.stream().mapToDouble(Trade::feesUsd).sum(), t.stream().mapToDouble(Trade::fundingUsd).sum(),
                    t.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", t.stream().mapToLong(Trade::durationBars).average().orElse(0))));
        }
        md.append("\nFunding paid is positive when the book paid and negative when it received; net = gross - fees - funding.\n\n");
    }

    static void tradeList(StringBuilder md, List<Trade> trades, String csvFile) {
        if (trades.isEmpty()) return;
        md.append("### Trade list\n\n").append(trades.size() > TRADES_LISTED ? "The last " + TRADES_LISTED + " of " + trades.size()
                + " round trips; every one is in [" + csvFile + "](" + csvFile + ").\n\n" : "Also as [" + csvFile + "](" + csvFile + ").\n\n");
        md.append("| entry (UTC) | exit (UTC) | side | size | entry price | exit price | net PnL (USD) | fees (USD) | funding (USD) | bars held | exit reason |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Trade t : trades.subList(Math.max(0, trades.size() - TRADES_LISTED), trades.size())) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.6f | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %s |%n",
                    iso(t.entryTs()), iso(t.exitTs()), t.side(), t.size(), t.entryPrice(), t.exitPrice(), t.pnlUsd(), t.feesUsd(),
                    t.fundingUsd(), t.durationBars(), ReportTables.cell(t.exitReason())));
        }
        md.append('\n');
    }

    /** Every round trip, one CSV row each: times as ISO UTC and unix seconds, money in USD. */
    static void writeTradesCsv(Path file, List<Trade> trades) {
        StringBuilder b = new StringBuilder("entry_time,exit_time,entry_ts,exit_ts,side,size,entry_price,exit_price,gross_pnl_usd,"
                + "fees_usd,funding_usd,net_pnl_usd,duration_bars,exit_reason\n");
        for (Trade t : trades) {
            b.append(iso(t.entryTs())).append(',').append(iso(t.exitTs())).append(',').append(t.entryTs()).append(',').append(t.exitTs())
                    .append(',').append(t.side()).append(',').append(t.size()).append(',').append(t.entryPrice()).append(',')
                    .append(t.exitPrice()).append(',').append(t.grossPnlUsd()).append(',').append(t.feesUsd()).append(',')
                    .append(t.fundingUsd()).append(',').append(t.pnlUsd()).append(',').append(t.durationBars()).append(',')
                    .append(t.exitReason() == null ? "" : t.exitReason()).append('\n');
        }
        AtomicFiles.writeString(file, b.toString());
    }

    /** The per-bar predictions and strategy path of the evaluated rows. */
    static void writePredictionsCsv(Path file, ArtifactEvaluation e) {
        var s = e.series();
        StringBuilder b = new StringBuilder("time,ts,p_down,p_neutral,p_up,s_model,label,net_return,equity\n");
        for (int i = 0; i < s.ts().length; i++) {
            b.append(iso(s.ts()[i])).append(',').append(s.ts()[i]).append(',').append(s.probs()[i][0]).append(',')
                    .append(s.probs()[i][1]).append(',').append(s.probs()[i][2]).append(',').append(s.sModel()[i]).append(',')
                    .append(s.labels()[i]).append(',').append(s.netReturns()[i]).append(',').append(s.equity()[i]).append('\n');
        }
        AtomicFiles.writeString(file, b.toString());
    }

    /** The per-bar predictions as Parquet: the CSV's columns, time as a UTC timestamp (pandas reads a datetime). */
    static void writePredictionsParquet(Path file, ArtifactEvaluation e) {
        var s = e.series();
        int n = s.ts().length;
        long[] ms = new long[n], label = new long[n];
        double[] down = new double[n], neutral = new double[n], up = new double[n], net = new double[n], eq = new double[n];
        for (int i = 0; i < n; i++) {
            ms[i] = s.ts()[i] * 1000;
            label[i] = s.labels()[i];
            down[i] = s.probs()[i][0];
            neutral[i] = s.probs()[i][1];
            up[i] = s.probs()[i][2];
            net[i] = s.netReturns()[i];
            eq[i] = s.equity()[i];
        }
        msb.core.ParquetFiles.write(file, new msb.core.Table(java.util.List.of(new msb.core.Table.Times("time", ms),
                new msb.core.Table.Longs("ts", s.ts().clone()), new msb.core.Table.Doubles("p_down", down),
                new msb.core.Table.Doubles("p_neutral", neutral), new msb.core.Table.Doubles("p_up", up),
                new msb.core.Table.Doubles("s_model", s.sModel().clone()), new msb.core.Table.Longs("label", label),
                new msb.core.Table.Doubles("net_return", net), new msb.core.Table.Doubles("equity", eq))));
    }

    static String iso(long ts) { return Instant.ofEpochSecond(ts).toString(); }

    static String pct(double r) { return String.format(Locale.ROOT, "%+.2f%%", 100 * r); }
}
