package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import msb.core.IoProblem;
import msb.core.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** How errors reach the user: one line, no internals, no trace, the right exit code. */
class ErrorReportingTest {
    @TempDir
    Path tmp;

    private static String[] handled(Throwable t) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        Exception e = t instanceof Exception ex ? ex : new CommandLine.ExecutionException(cl, "error", t);
        int code = Main.handleException(e, cl, null);
        return new String[]{Integer.toString(code), err.toString()};
    }

    @Test void errorsAreCaughtWithoutATrace() {
        String[] oom = handled(new OutOfMemoryError("Java heap space"));
        assertEquals("1", oom[0]);
        assertTrue(oom[1].startsWith("msb: out of memory") && !oom[1].contains("\tat "), oom[1]);
        String[] so = handled(new StackOverflowError());
        assertEquals("1", so[0]);
        assertTrue(so[1].startsWith("msb: unexpected error: java.lang.StackOverflowError") && !so[1].contains("\tat "), so[1]);
    }

    @Test void anUnwritableHomeIsExitTwoSayingWhy() {
        String[] ro = handled(new java.io.UncheckedIOException("could not write x",
                new FileSystemException("/h/datasets", null, "Read-only file system")));
        assertEquals("2", ro[0], ro[1]);
        assertTrue(ro[1].contains("/h/datasets: read-only file system") && ro[1].contains("--home"), ro[1]);
        String[] denied = handled(new java.io.UncheckedIOException("could not write x", new AccessDeniedException("/h")));
        assertEquals("2", denied[0], denied[1]);
        assertTrue(denied[1].contains("permission denied"), denied[1]);
    }

    @Test void messagesAreOneLineWithoutParserInternalsAndCapped() {
        String jackson = "not valid JSON (Unexpected end-of-input\n at [Source: UNKNOWN; byte offset: #UNKNOWN])";
        assertEquals("not valid JSON (Unexpected end-of-input)", Messages.oneLine(jackson));
        String huge = Messages.oneLine("line 1: '" + "x".repeat(300_000_000 / 1000) + "' is not a time");
        assertTrue(huge.length() <= Messages.MAX_CHARS + 60 && huge.contains("characters cut") && huge.endsWith("is not a time"), huge);
    }

    @Test void whyAFileCouldNotBeReadIsNotItsName() {
        assertEquals("permission denied", IoProblem.why(new AccessDeniedException("/x/y.csv")));
        assertFalse(IoProblem.why(new java.nio.file.NoSuchFileException("/x/y.csv")).contains("/x/y.csv"));
    }

    @Test void aCopiedHomeRecordsItsOwnArtifact() {
        Workspace a = Workspace.at(tmp.resolve("a")), b = Workspace.at(tmp.resolve("b"));
        Path run = a.home().resolve("models/BTC/24h/run-1");
        String recorded = a.recorded(run);
        assertEquals(Path.of("models", "BTC", "24h", "run-1").toString(), recorded);
        assertEquals(b.home().resolve("models/BTC/24h/run-1"), b.resolveRecorded(recorded), "the copy resolves to its own run");
        Path outside = tmp.resolve("elsewhere/run-2").toAbsolutePath();
        assertEquals(outside.toString(), a.recorded(outside));
        assertEquals(outside, b.resolveRecorded(a.recorded(outside)));
    }

    @Test void aReadOnlyHomeIsExitTwoThroughTheCli() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("ro"));
        Path in = msb.data.CliRun.write(tmp, "b.csv", "timestamp,open,high,low,close,volume\n1700000000,1,2,1,1,1\n1700000300,1,2,1,1,1\n");
        if (!home.toFile().setWritable(false) || Files.isWritable(home)) return; // root writes anyway: nothing to test here
        try {
            msb.data.CliRun r = msb.data.CliRun.run(home, "data", "import", "--in", in.toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("permission denied") && r.err().strip().lines().count() == 1, r.err());
        } finally {
            home.toFile().setWritable(true);
        }
    }
}
