package msb.cli;

import msb.core.Workspace;
import picocli.CommandLine.Model.CommandSpec;

/** Small helpers every command shares. */
public final class Cli {
    private Cli() {}

    /** The workspace of the --home option, found through the root command. */
    public static Workspace workspace(CommandSpec spec) {
        return ((Main) spec.root().userObject()).workspace();
    }
}
