package msb.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;

/**
 * Feather (version 2) files as {@link Table}s: an Arrow IPC file, as pandas' {@code to_feather} and freqtrade's
 * feather data handler write it (lz4 or zstd compressed buffers, or none). Read: flat columns of timestamps
 * (any unit, with or without a time zone: instants), 32/64-bit integers, floats and UTF-8 text.
 */
public final class FeatherFiles {
    /** Arrow IPC files start with "ARROW1" (and end with it); Feather version 1 files with "FEA1". */
    private static final byte[] MAGIC = {'A', 'R', 'R', 'O', 'W', '1'};
    private static final byte[] V1_MAGIC = {'F', 'E', 'A', '1'};

    private FeatherFiles() {}

    public static boolean looksLikeFeather(byte[] b) { return startsWith(b, MAGIC) || startsWith(b, V1_MAGIC); }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[i] != prefix[i]) return false;
        return true;
    }

    /** The columns named in {@code wanted} (case-insensitive; null = all); nulls in number or time columns are refused. */
    public static Table read(String name, byte[] bytes, Set<String> wanted) {
        if (startsWith(bytes, V1_MAGIC)) {
            throw new UserInputException(name + " is a Feather version 1 file (before 2020); msb reads version 2: load it"
                    + " with pandas and save it again with to_feather()");
        }
        try (BufferAllocator alloc = new RootAllocator();
             ArrowFileReader r = new ArrowFileReader(new ByteArrayReadableSeekableByteChannel(bytes), alloc,
                     CommonsCompressionFactory.INSTANCE)) {
            VectorSchemaRoot root = r.getVectorSchemaRoot();
            List<Field> fields = new ArrayList<>();
            for (Field f : root.getSchema().getFields()) {
                if (wanted == null || wanted.stream().anyMatch(w -> w.equalsIgnoreCase(f.getName()))) fields.add(f);
            }
            long total = 0;
            for (ArrowBlock b : r.getRecordBlocks()) {
                r.loadRecordBatch(b);
                total += root.getRowCount();
            }
            int n = Math.toIntExact(total);
            Object[] cols = new Object[fields.size()];
            for (int k = 0; k < fields.size(); k++) cols[k] = newColumn(name, fields.get(k), n);
            int at = 0;
            for (ArrowBlock b : r.getRecordBlocks()) {
                r.loadRecordBatch(b);
                int rows = root.getRowCount();
                for (int k = 0; k < fields.size(); k++) copy(name, root.getVector(fields.get(k).getName()), cols[k], at, rows);
                at += rows;
            }
            List<Table.Column> out = new ArrayList<>();
            for (int k = 0; k < fields.size(); k++) {
                String c = fields.get(k).getName();
                boolean time = fields.get(k).getType() instanceof ArrowType.Timestamp;
                out.add(switch (cols[k]) {
                    case long[] l when time -> new Table.Times(c, l);
                    case long[] l -> new Table.Longs(c, l);
                    case double[] d -> new Table.Doubles(c, d);
                    case String[] s -> new Table.Strings(c, s);
                    default -> throw new IllegalStateException("column kind " + cols[k].getClass());
                });
            }
            return new Table(out);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserInputException u) throw u;
            throw new UserInputException(name + ": not a Feather/Arrow file msb can read (" + e.getMessage()
                    + "); the file may be truncated: write or download it again");
        }
    }

    private static Object newColumn(String name, Field f, int n) {
        return switch (f.getType()) {
            case ArrowType.Timestamp t -> new long[n];
            case ArrowType.Int i -> new long[n];
            case ArrowType.FloatingPoint p -> new double[n];
            case ArrowType.Utf8 u -> new String[n];
            default -> throw new UserInputException(name + ": column " + f.getName() + " is " + f.getType()
                    + "; msb reads timestamps, integers, floats and text: convert it before writing the file");
        };
    }

    private static void copy(String name, FieldVector v, Object col, int at, int rows) {
        for (int i = 0; i < rows; i++) {
            if (v.isNull(i)) {
                if (col instanceof String[]) continue;
                throw new UserInputException(name + " record " + (at + i + 1) + ": " + v.getName()
                        + " is empty (null); fill it in or drop the row");
            }
            switch (v) {
                case TimeStampVector t -> ((long[]) col)[at + i] = toMs(t.get(i), ((ArrowType.Timestamp) t.getField().getType()).getUnit());
                case BigIntVector b -> ((long[]) col)[at + i] = b.get(i);
                case IntVector b -> ((long[]) col)[at + i] = b.get(i);
                case Float8Vector d -> ((double[]) col)[at + i] = d.get(i);
                case Float4Vector d -> ((double[]) col)[at + i] = d.get(i);
                case VarCharVector s -> ((String[]) col)[at + i] = new String(s.get(i), java.nio.charset.StandardCharsets.UTF_8);
                default -> throw new UserInputException(name + ": column " + v.getName() + " is " + v.getField().getType()
                        + "; msb reads timestamps, 32/64-bit integers, floats and text: convert it before writing the file");
            }
        }
    }

    private static long toMs(long v, org.apache.arrow.vector.types.TimeUnit unit) {
        return switch (unit) {
            case SECOND -> v * 1000;
            case MILLISECOND -> v;
            case MICROSECOND -> Math.floorDiv(v, 1_000L);
            case NANOSECOND -> Math.floorDiv(v, 1_000_000L);
        };
    }
}
