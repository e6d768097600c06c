package msb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * {@code msb}, {@code msb --help} / {@code -h} and {@code msb --version} / {@code -V} without picocli: the
 * root's usage text is rendered by picocli from the whole command tree at build time (the pom runs
 * {@link #main} after compiling; RootHelpTest checks the shipped text against a live rendering) and
 * printed from the jar. Building the tree and rendering it reads every command's annotations, which costs
 * most of these commands' start-up. Any other arguments (and a jar without the text) go to picocli.
 */
public final class RootHelp {
    /** The rendered text, plain and with ANSI styles (picocli's choice for a terminal), as resources beside this class. */
    static final String PLAIN = "root-help.txt", STYLED = "root-help-ansi.txt";

    private RootHelp() {}

    /** Build step: writes both renderings into the class output directory given as the only argument. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]).resolve(RootHelp.class.getPackageName().replace('.', '/'));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(PLAIN), render(CommandLine.Help.Ansi.OFF), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(STYLED), render(CommandLine.Help.Ansi.ON), StandardCharsets.UTF_8);
    }

    /** The root's usage text as picocli renders it from the whole command tree. */
    static String render(CommandLine.Help.Ansi ansi) {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        Main.commandLine().usage(w, ansi);
        w.flush();
        return text.toString();
    }

    /**
     * Prints what picocli would for these arguments when they ask only for the root's help or version, and
     * says whether it did (exit code 0); false for anything else, or when the jar has no rendered text.
     */
    static boolean print(String[] args, PrintStream out) {
        if (args.length > 1) return false;
        String a = args.length == 0 ? "--help" : args[0];
        if (a.equals("--version") || a.equals("-V")) {
            for (String line : new VersionProvider().getVersion()) out.println(line);
            out.flush();
            return true;
        }
        if (!a.equals("--help") && !a.equals("-h")) return false;
        // the same rule picocli applies (terminal, NO_COLOR, picocli.ansi, ...)
        String text = shipped(CommandLine.Help.Ansi.AUTO.enabled() ? STYLED : PLAIN);
        if (text == null) return false;
        out.print(text);
        out.flush();
        return true;
    }

    /** A rendered text from the jar, or null when the build did not make it (classes run from an IDE). */
    static String shipped(String name) {
        try (InputStream in = RootHelp.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
