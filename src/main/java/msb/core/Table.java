package msb.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A small typed column table: what msb writes to Parquet and reads from Parquet and Arrow (feather) files.
 * Every column has the same number of rows; times are instants in UTC, in milliseconds.
 */
public record Table(List<Column> columns) {
    public Table {
        columns = List.copyOf(columns);
        for (Column c : columns) {
            if (c.size() != columns.getFirst().size()) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, "
                        + columns.getFirst().name() + " has " + columns.getFirst().size());
            }
        }
    }

    public sealed interface Column permits Times, Longs, Doubles, Strings {
        String name();

        int size();
    }

    /** Instants as unix milliseconds, UTC. */
    public record Times(String name, long[] epochMs) implements Column {
        public int size() { return epochMs.length; }
    }

    public record Longs(String name, long[] values) implements Column {
        public int size() { return values.length; }
    }

    public record Doubles(String name, double[] values) implements Column {
        public int size() { return values.length; }
    }

    /** Text; null entries are missing values. */
    public record Strings(String name, String[] values) implements Column {
        public int size() { return values.length; }
    }

    public int rows() { return columns.isEmpty() ? 0 : columns.getFirst().size(); }

    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (Column c : columns) out.add(c.name());
        return out;
    }

    /** The column named {@code name} (case-insensitive), or null. */
    public Column column(String name) {
        for (Column c : columns) if (c.name().equalsIgnoreCase(name)) return c;
        return null;
    }
}
