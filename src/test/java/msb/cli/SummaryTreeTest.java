package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The root run from a summary of its commands (what {@code msb --help} and friends use to start fast)
 * says exactly what the whole command tree says, and names the same commands in the same order.
 */
class SummaryTreeTest {
    private static String[] run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new String[]{Integer.toString(code), out.toString(), err.toString()};
    }

    @Test void theRootSaysTheSameFromTheSummaryAsFromTheWholeTree() {
        for (List<String> args : List.<List<String>>of(List.of("--help"), List.of("-h"), List.of(), List.of("--version"),
                List.of("--home", "x", "--help"), List.of("--no-such-option"), List.of("-x"))) {
            String[] a = args.toArray(String[]::new);
            String[] summary = run(Main.summaryTree(), a);
            String[] whole = run(Main.commandLine(), a);
            assertEquals(List.of(whole), List.of(summary), "msb " + String.join(" ", args));
        }
        String[] help = run(Main.summaryTree(), "--help");
        assertTrue(help[1].contains("Commands:") && help[1].contains("run-live") && help[1].contains("features"), help[1]);
    }

    @Test void theSummaryNamesEveryTopLevelCommandInOrder() {
        assertEquals(List.copyOf(Main.commandLine().getSubcommands().keySet()),
                List.copyOf(Main.summaryTree().getSubcommands().keySet()));
    }

    @Test void argumentsPickTheRootTheCommandOrTheWholeTree() {
        assertFalse(Main.forArgs(new String[]{"--help"}).getSubcommands().get("decide").getCommandSpec().userObject()
                instanceof DecideCommand);
        CommandLine decide = Main.forArgs(new String[]{"--home", "h", "decide", "--help"});
        assertEquals(List.of("decide"), List.copyOf(decide.getSubcommands().keySet()));
        assertTrue(decide.getSubcommands().get("decide").getCommandSpec().userObject() instanceof DecideCommand);
        CommandLine unknown = Main.forArgs(new String[]{"nosuch"});
        assertEquals(Main.TOP_LEVEL.size(), unknown.getSubcommands().size());
        String[] r = run(unknown, "nosuch");
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("msb: Unmatched argument") || r[2].startsWith("msb: Unknown"), r[2]);
    }
}
