package msb.cli;

import picocli.CommandLine.Option;

/** {@code --json}: one JSON document on stdout and nothing else there (messages stay on stderr). */
public final class JsonOption {
    @Option(names = "--json", description = "Print one JSON document on stdout instead of the human summary.")
    boolean json;

    public boolean on() { return json; }
}
