package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ProcessExit halts only when nothing waits for the exit, so a shutdown hook or a delete-on-exit file that a
 * library registered always runs. Each case is a real JVM ({@link Child}), with the launcher's --add-opens (the
 * halt is possible) and without them (the check cannot read the JDK: the normal exit).
 */
class ProcessExitTest {
    /** A hang guard for a process that should end on its own, never a performance bound. */
    private static final long HANG_GUARD_S = 120;
    private static final List<String> LAUNCHER_OPENS = List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED");

    @Test void anApplicationShutdownHookRuns(@TempDir Path dir) throws Exception {
        for (boolean opens : new boolean[]{true, false}) {
            Path marker = dir.resolve("hook-ran-" + opens);
            Result r = run(opens, "hook", marker.toString());
            assertEquals(7, r.code, r.output);
            assertTrue(Files.exists(marker), "the hook ran (opens " + opens + "): " + r.output);
            assertTrue(r.output.contains("before exit"), r.output);
        }
    }

    @Test void aLibrarysDeleteOnExitFileIsDeleted(@TempDir Path dir) throws Exception {
        // snappy-java (Parquet's snappy pages, pandas' default) extracts its native library and deletes it at exit
        Path tmp = Files.createDirectories(dir.resolve("snappy-tmp"));
        Result r = run(true, "snappy", tmp.toString());
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.contains("extracted: true"), r.output);
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "the extracted library is deleted at exit");
        }
    }

    @Test void aDeleteOnExitFileIsDeleted(@TempDir Path dir) throws Exception {
        for (boolean opens : new boolean[]{true, false}) {
            Path file = Files.writeString(dir.resolve("delete-me-" + opens), "x");
            Result r = run(opens, "delete", file.toString());
            assertEquals(5, r.code, r.output);
            assertFalse(Files.exists(file), "deleted at exit (opens " + opens + "): " + r.output);
        }
    }

    @Test void theCheckSeesWhatWaits() throws Exception {
        Result r = run(true, "report");
        assertEquals(0, r.code, r.output);
        assertEquals("nothing waits: true\nafter a hook: false\nhook removed: true\nafter a delete-on-exit file: false\n",
                r.output);
    }

    /** The CLI itself: a halted import has written its store and all its output, with its exit code. */
    @Test void aHaltedCommandHasWrittenEverything(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("bars.csv"), "ts,open,high,low,close,volume\n"
                + "1600000080,1,2,0.5,1.5,3\n1600000140,1.5,2,1,1.2,4\n");
        Path home = dir.resolve("home");
        Result r = runMain(List.of("--home", home.toString(), "data", "import", "--in", csv.toString()));
        assertEquals(0, r.code, r.output);
        assertTrue(r.output.contains("rows:     2"), r.output);
        try (var files = Files.list(home.resolve("datasets/raw/BTC"))) {
            assertFalse(files.toList().isEmpty(), "the store is written");
        }
        Result bad = runMain(List.of("--home", home.toString(), "data", "import", "--in", dir.resolve("missing.csv").toString()));
        assertEquals(2, bad.code, bad.output);
        assertTrue(bad.output.startsWith("msb: "), bad.output);
    }

    private record Result(int code, String output) {}

    private static Result run(boolean opens, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(opens ? LAUNCHER_OPENS : List.of());
        cmd.add(Child.class.getName());
        cmd.addAll(List.of(args));
        return java(cmd);
    }

    private static Result runMain(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(LAUNCHER_OPENS);
        cmd.add(Main.class.getName());
        cmd.addAll(args);
        return java(cmd);
    }

    private static Result java(List<String> mainAndArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xlog:disable", "-Djava.awt.headless=true",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(mainAndArgs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(HANG_GUARD_S, TimeUnit.SECONDS), "ended: " + cmd);
        return new Result(p.exitValue(), out);
    }

    /** The child JVM: registers what its first argument says, then ends through ProcessExit. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            switch (args[0]) {
                case "hook" -> {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> touch(args[1])));
                    System.out.print("before exit"); // no newline: the flush before a halt matters
                    ProcessExit.exit(7);
                }
                case "snappy" -> {
                    System.setProperty("org.xerial.snappy.tempdir", args[1]);
                    org.xerial.snappy.Snappy.compress(new byte[64]);
                    try (var files = Files.list(Path.of(args[1]))) {
                        System.out.println("extracted: " + (files.count() > 0));
                    }
                    ProcessExit.exit(0);
                }
                case "delete" -> {
                    new File(args[1]).deleteOnExit();
                    ProcessExit.exit(5);
                }
                case "report" -> {
                    System.out.println("nothing waits: " + ProcessExit.nothingWaits());
                    Thread hook = new Thread(() -> {});
                    Runtime.getRuntime().addShutdownHook(hook);
                    System.out.println("after a hook: " + ProcessExit.nothingWaits());
                    Runtime.getRuntime().removeShutdownHook(hook);
                    System.out.println("hook removed: " + ProcessExit.nothingWaits());
                    File f = File.createTempFile("msb-exit", ".tmp");
                    f.deleteOnExit();
                    System.out.println("after a delete-on-exit file: " + ProcessExit.nothingWaits());
                    ProcessExit.exit(0);
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
        }

        private static void touch(String file) {
            try {
                Files.writeString(Path.of(file), "ran");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
