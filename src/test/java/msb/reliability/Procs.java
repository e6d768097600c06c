package msb.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Real msb processes for the fault-injection tests: started, killed (SIGKILL) or run to their end. */
final class Procs {
    static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    /** A hang guard for a process that should end on its own, never a performance bound. */
    private static final long HANG_GUARD_S = 120;

    private Procs() {}

    /** {@code java -cp <test class path> msb.cli.Main --home HOME args...}, on the quick-start compiler. */
    static List<String> msb(Path home, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:disable", "-Djava.awt.headless=true",
                "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path") + File.pathSeparator + System.getProperty("surefire.test.class.path", ""),
                "msb.cli.Main", "--home", home.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static Process start(List<String> cmd, Path logOrNull) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.redirectOutput(logOrNull == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(logOrNull.toFile()));
        return pb.start();
    }

    /** Runs {@code cmd} to its end (exit 0, or one of {@code okCodes}); returns its wall time in ms (to choose kill points). */
    static long runToEnd(List<String> cmd, int... okCodes) throws Exception {
        Path log = Files.createTempFile("msb-fault", ".log");
        try {
            long t0 = System.nanoTime();
            Process p = start(cmd, log);
            assertTrue(p.waitFor(HANG_GUARD_S, TimeUnit.SECONDS), "ended: " + cmd);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            int code = p.exitValue();
            boolean ok = code == 0;
            for (int c : okCodes) ok |= code == c;
            assertTrue(ok, "exit " + code + " of " + String.join(" ", cmd.subList(cmd.indexOf("msb.cli.Main"), cmd.size()))
                    + ": " + Files.readString(log));
            return ms;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * A seeded kill point in [0.05, 0.95] x the length of an uninterrupted run (a later run can be quicker than
     * the measured one, warm caches: a point near the end may still come after the run has finished).
     */
    static long killPointMs(long fullMs, Random rnd) {
        return (long) (fullMs * (0.05 + 0.9 * rnd.nextDouble()));
    }

    /** Starts {@code cmd} and kills it (SIGKILL) after {@code delayMs}; true when it was still running then. */
    static boolean killAfter(List<String> cmd, long delayMs) throws Exception {
        Process p = start(cmd, null);
        if (p.waitFor(delayMs, TimeUnit.MILLISECONDS)) return false;
        p.destroyForcibly();
        assertTrue(p.waitFor(HANG_GUARD_S, TimeUnit.SECONDS));
        return true;
    }

    static void report(String command, int killed, int kills) {
        System.err.println("fault-injection: " + command + ": " + killed + " of " + kills + " kill points landed mid-run; every store verified");
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
