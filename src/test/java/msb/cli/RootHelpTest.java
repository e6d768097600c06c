package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The root's help shipped in the jar (rendered at build time) is what picocli renders from the whole command
 * tree now, plain and styled, and the fast path prints exactly what picocli prints for the same arguments.
 */
class RootHelpTest {
    @Test void theShippedTextsAreWhatPicocliRendersNow() {
        String plain = RootHelp.shipped(RootHelp.PLAIN), styled = RootHelp.shipped(RootHelp.STYLED);
        assertNotNull(plain, "the build (process-classes) writes " + RootHelp.PLAIN);
        assertNotNull(styled, "the build (process-classes) writes " + RootHelp.STYLED);
        assertEquals(RootHelp.render(CommandLine.Help.Ansi.OFF), plain);
        assertEquals(RootHelp.render(CommandLine.Help.Ansi.ON), styled);
        assertTrue(plain.contains("Commands:") && plain.contains("run-live") && plain.contains("Exit codes:"), plain);
        assertTrue(styled.contains("\u001B["), "the styled text carries ANSI escapes");
    }

    @Test void itPrintsWhatPicocliPrintsForTheRootsHelpAndVersion() {
        for (List<String> args : List.<List<String>>of(List.of(), List.of("--help"), List.of("-h"), List.of("--version"),
                List.of("-V"))) {
            String[] a = args.toArray(String[]::new);
            ByteArrayOutputStream fast = new ByteArrayOutputStream();
            assertTrue(RootHelp.print(a, new PrintStream(fast, true, StandardCharsets.UTF_8)), "msb " + args);
            StringWriter out = new StringWriter(), err = new StringWriter();
            CommandLine whole = Main.commandLine();
            whole.setOut(new PrintWriter(out, true));
            whole.setErr(new PrintWriter(err, true));
            assertEquals(0, whole.execute(a));
            assertEquals(out.toString(), fast.toString(StandardCharsets.UTF_8), "msb " + String.join(" ", args));
            assertEquals("", err.toString());
        }
    }

    @Test void anythingElseGoesToPicocli() {
        for (List<String> args : List.<List<String>>of(List.of("--home", "x", "--help"), List.of("status"),
                List.of("-hV"), List.of("--help", "--version"), List.of("decide", "--help"), List.of("--helpx"))) {
            ByteArrayOutputStream fast = new ByteArrayOutputStream();
            assertFalse(RootHelp.print(args.toArray(String[]::new), new PrintStream(fast, true, StandardCharsets.UTF_8)),
                    "msb " + args);
            assertEquals(0, fast.size());
        }
    }
}
