package msb.live;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import msb.core.CheckFailedException;
import msb.core.UserInputException;
import msb.core.Workspace;

/**
 * `msb run-live --tf A,B,...`: every timeframe's own artifact, state directory, guards and book in one
 * process, on its own thread, sharing one rate-limited venue client (live) and one exposure budget. A
 * timeframe whose artifact or input is refused, or that fails, stops alone and is reported; the others go on.
 *
 * <p>Exit: 0 when every timeframe traded on paper; 3 when at least one ran in shadow mode, was refused or
 * failed while another ran (the message lists each timeframe's outcome); 2 when none could start (bad input
 * everywhere). A replay merges the timeframes' bars by close time (see {@link BarTurns}) so that the joint
 * exposure limit makes the same decisions on every run and resume.
 */
public final class MultiRunLive {
    private MultiRunLive() {}

    /**
     * @param perTf       one option set per timeframe (distinct timeframes, same symbol and feed)
     * @param groupDir    where {@link RunnerGroup#FILE} goes (the parent of the state directories)
     */
    public static List<StatusDoc> run(Workspace ws, List<RunLive.Options> perTf, double maxTotalExposureFrac, Path groupDir,
                                      PrintWriter out, PrintStream err, LiveClock clock) throws InterruptedException {
        return run(ws, perTf, maxTotalExposureFrac, groupDir, null, out, err, clock);
    }

    /**
     * As above; with {@code cohortsFileOrNull} (hyperliquid feed only) one {@link CohortCollector} runs beside
     * the timeframes on the same venue client, writing a cohort row per 5m bar until they all stop.
     */
    public static List<StatusDoc> run(Workspace ws, List<RunLive.Options> perTf, double maxTotalExposureFrac, Path groupDir,
                                      Path cohortsFileOrNull, PrintWriter out, PrintStream err, LiveClock clock)
            throws InterruptedException {
        int n = perTf.size();
        RunLive.Options first = perTf.getFirst();
        CohortAddresses cohortAddresses = null;
        if (cohortsFileOrNull != null) {
            if (first.feed() != RunLive.FeedKind.HYPERLIQUID) {
                throw new UserInputException("--cohorts collects wallet fills and public trades from the venue; use it with --feed hyperliquid");
            }
            cohortAddresses = CohortAddresses.read(cohortsFileOrNull);
        }
        ExposureBudget budget = new ExposureBudget(n, maxTotalExposureFrac);
        BarTurns turns = first.feed() == RunLive.FeedKind.REPLAY ? new BarTurns(n) : null;
        List<RunnerGroup.Member> members = new ArrayList<>();
        for (RunLive.Options o : perTf) members.add(new RunnerGroup.Member(o.tf().label(), o.stateDir().toString(), "starting", ""));
        Group group = new Group(new RunnerGroup(first.symbol(), first.feed().name().toLowerCase(), maxTotalExposureFrac, members), groupDir);

        // the timeframes' decisions read the collector's newest rows; it starts once the venue client exists
        var liveCollector = new java.util.concurrent.atomic.AtomicReference<CohortCollector>();
        RunLive.Prepared[] prepared = new RunLive.Prepared[n];
        String[] refusals = new String[n];
        try {
            for (int i = 0; i < n; i++) {
                RunLive.Options o = perTf.get(i);
                String prefix = "msb: [" + o.tf().label() + "] ";
                try {
                    prepared[i] = RunLive.prepare(ws, o, err, clock, new RunLive.Shared(budget, i, turns, prefix,
                            cohortAddresses == null ? null : () -> liveCollector.get() == null ? null : liveCollector.get().rows()));
                } catch (UserInputException e) {
                    refusals[i] = e.getMessage();
                    if (turns != null) turns.finish(i);
                    err.println(prefix + "ALERT refused: " + e.getMessage() + "; the other timeframes go on");
                    group.set(i, "refused", e.getMessage());
                }
            }
            int started = 0;
            for (RunLive.Prepared p : prepared) if (p != null) started++;
            if (started == 0) {
                throw new UserInputException("no timeframe could start: " + String.join("; ", nonNull(refusals)));
            }
            if (turns != null) shareHistories(ws, prepared, budget, err);
            HyperliquidVenue venue = first.feed() == RunLive.FeedKind.HYPERLIQUID
                    ? new HyperliquidVenue(first.baseUrl(), first.symbol(), clock, HyperliquidVenue.SHARED_MIN_GAP_MS) : null;
            StatusDoc[] docs = new StatusDoc[n];
            String[] outcomes = new String[n];
            List<Thread> threads = new ArrayList<>();
            CohortCollector collector = null;
            Thread collectorThread = null;
            if (cohortAddresses != null) {
                collector = new CohortCollector(ws, first.symbol(), venue, cohortAddresses,
                        new TradeStream(first.baseUrl(), first.symbol(), LiveClock.SYSTEM, 500, 30_000), // reconnect waits are real
                        ws.stateRoot().resolve(Workspace.checkSymbol(first.symbol())).resolve("cohorts"),
                        CohortCollector.Options.defaults(), clock,
                        a -> err.println("msb: [cohorts] ALERT " + a.kind() + " at bar " + a.barTs() + ": " + a.message()));
                err.println("msb: collecting cohort signals of " + cohortAddresses.pros().size() + " pros and "
                        + cohortAddresses.amateurs().size() + " amateurs, and the public trades' mood, every 5m into the cohort store");
                CohortCollector c = collector;
                liveCollector.set(c);
                collectorThread = Thread.ofPlatform().name("cohort-collector").start(() -> {
                    try {
                        c.run(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        // stopped with the timeframes
                    } catch (RuntimeException e) {
                        err.println("msb: [cohorts] ALERT failed: " + e + "; the timeframes go on without new cohort rows");
                    }
                });
            }
            for (int i = 0; i < n; i++) {
                if (prepared[i] == null) continue;
                int k = i;
                RunLive.Prepared p = prepared[i];
                String prefix = "msb: [" + p.o.tf().label() + "] ";
                group.set(k, p.shadow() ? "shadow" : "running", p.shadow() ? "not promoted: " + p.artifact.manifest().failedGatesFor(p.o.symbol()) : "");
                Thread t = Thread.ofPlatform().name("run-live-" + p.o.tf().label()).start(() -> {
                    try {
                        docs[k] = p.execute(ws, err, clock, venue);
                        outcomes[k] = p.shadow() ? "shadow" : docs[k].finished() ? "finished" : "stopped";
                        group.set(k, outcomes[k], p.shadow() ? "ran in shadow mode: " + p.shadowFailure(docs[k]).failures() : "");
                    } catch (InterruptedException e) {
                        outcomes[k] = "stopped";
                        group.set(k, "stopped", "interrupted");
                    } catch (UserInputException e) {
                        outcomes[k] = "refused";
                        refusals[k] = e.getMessage();
                        err.println(prefix + "ALERT refused: " + e.getMessage() + "; the other timeframes go on");
                        group.set(k, "refused", e.getMessage());
                    } catch (RuntimeException e) {
                        outcomes[k] = "failed";
                        refusals[k] = String.valueOf(e.getMessage());
                        err.println(prefix + "ALERT failed: " + e + "; the other timeframes go on");
                        group.set(k, "failed", String.valueOf(e));
                    } finally {
                        if (turns != null) turns.finish(k);
                    }
                });
                threads.add(t);
            }
            try {
                for (Thread t : threads) t.join();
            } catch (InterruptedException e) {
                for (Thread t : threads) t.interrupt();
                throw e;
            } finally {
                if (collector != null) {
                    collector.close();
                    collectorThread.interrupt();
                    collectorThread.join();
                    var f = collector.figures();
                    out.printf(java.util.Locale.ROOT, "cohort collector        %d bars, %d fills (%d duplicates dropped), %d public trades,"
                            + " %d failed requests, %d reconnects%n", f.bars(), f.fills(), f.duplicateFills(), f.trades(),
                            f.requestFailures(), f.reconnects());
                }
            }
            List<StatusDoc> result = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String tf = perTf.get(i).tf().label();
                if (docs[i] != null) {
                    out.print("== " + tf + " (" + perTf.get(i).stateDir() + ")\n" + StatusReport.render(docs[i]) + "\n");
                    result.add(docs[i]);
                }
                if (prepared[i] == null) problems.add(tf + ": refused before it ran: " + refusals[i]);
                else if ("shadow".equals(outcomes[i])) {
                    problems.add(tf + ": ran in shadow mode, failed gates " + prepared[i].shadowFailure(docs[i]).failures());
                } else if ("refused".equals(outcomes[i]) || "failed".equals(outcomes[i])) {
                    problems.add(tf + ": " + outcomes[i] + ": " + refusals[i]);
                }
            }
            out.printf(java.util.Locale.ROOT, "total exposure          %.4f of the books' equity (max_total_exposure_frac %.4f)%n",
                    budget.totalExposureFrac(), maxTotalExposureFrac);
            out.flush();
            if (!problems.isEmpty()) {
                throw new CheckFailedException((n - problems.size()) + " of " + n + " timeframes traded on paper; the others:", problems);
            }
            return result;
        } finally {
            for (RunLive.Prepared p : prepared) if (p != null) p.close();
        }
    }

    /**
     * After a crash the timeframes resume from different checkpoints; the ones further on hand the others
     * their exposure bar by bar (from their event logs), so that the replayed bars see them as they were.
     */
    private static void shareHistories(Workspace ws, RunLive.Prepared[] prepared, ExposureBudget budget, PrintStream err) {
        long earliest = Long.MAX_VALUE;
        for (RunLive.Prepared p : prepared) {
            if (p != null) earliest = Math.min(earliest, p.resumeTs == null ? Long.MIN_VALUE : p.resumeTs);
        }
        for (int j = 0; j < prepared.length; j++) {
            RunLive.Prepared p = prepared[j];
            if (p == null || p.resumeTs == null || p.resumeTs <= earliest) continue;
            var bars = RunLive.replayBars(ws, p.o, err);
            budget.history(j, ExposureLog.read(new StateStore(p.o.stateDir()).eventsFile(), bars, earliest));
        }
    }

    private static List<String> nonNull(String[] a) {
        List<String> out = new ArrayList<>();
        for (String s : a) if (s != null) out.add(s);
        return out;
    }

    /** The group file, updated by several threads. */
    private static final class Group {
        private RunnerGroup group;
        private final Path dir;

        Group(RunnerGroup group, Path dir) {
            this.group = group;
            this.dir = dir;
            group.save(dir);
        }

        synchronized void set(int i, String outcome, String detail) {
            group = group.with(i, outcome, detail);
            group.save(dir);
        }
    }
}
