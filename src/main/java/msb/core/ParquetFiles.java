package msb.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Parquet files as {@link Table}s, through parquet-java without Hadoop's file system (see {@link ParquetCodecs}).
 * Written: snappy pages (pandas' default), times as INT64 TIMESTAMP(MILLIS, UTC), text as UTF-8 strings.
 * Read: flat columns of int32/int64 (timestamps and dates as {@link Table.Times}), float/double, strings, and
 * INT96 timestamps (older Spark/pandas files).
 */
public final class ParquetFiles {
    /** Parquet files start and end with these bytes. */
    public static final byte[] MAGIC = {'P', 'A', 'R', '1'};
    private static final String SCHEMA_NAME = "msb";
    private static final long JULIAN_EPOCH_DAY = 2_440_588, MS_PER_DAY = 86_400_000L;

    private ParquetFiles() {}

    public static boolean looksLikeParquet(byte[] b) {
        return b.length >= 8 && startsWith(b, MAGIC) && b[b.length - 4] == 'P' && b[b.length - 3] == 'A'
                && b[b.length - 2] == 'R' && b[b.length - 1] == '1';
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) if (b[i] != prefix[i]) return false;
        return true;
    }

    /** Writes {@code table} to {@code target} atomically (a temp file renamed over it). */
    public static void write(Path target, Table table) {
        AtomicFiles.write(target, out -> write(out, table, target.toString()));
    }

    static void write(OutputStream out, Table table, String name) throws IOException {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Table.Column c : table.columns()) {
            switch (c) {
                case Table.Times t -> b.required(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(t.name());
                case Table.Longs l -> b.required(PrimitiveTypeName.INT64).named(l.name());
                case Table.Doubles d -> b.required(PrimitiveTypeName.DOUBLE).named(d.name());
                case Table.Strings s -> b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(s.name());
            }
        }
        MessageType schema = b.named(SCHEMA_NAME);
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new StreamOutputFile(out, name))
                .withConf(new PlainParquetConfiguration()).withType(schema)
                .withCodecFactory(new ParquetCodecs(name)).withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (int i = 0; i < table.rows(); i++) {
                Group g = rows.newGroup();
                for (Table.Column c : table.columns()) {
                    switch (c) {
                        case Table.Times t -> g.append(t.name(), t.epochMs()[i]);
                        case Table.Longs l -> g.append(l.name(), l.values()[i]);
                        case Table.Doubles d -> g.append(d.name(), d.values()[i]);
                        case Table.Strings s -> { if (s.values()[i] != null) g.append(s.name(), s.values()[i]); }
                    }
                }
                w.write(g);
            }
        }
    }

    /**
     * The columns of a Parquet file named in {@code wanted} (case-insensitive; null = every flat column).
     * A missing value in a number or time column is refused naming the file, record and column.
     */
    public static Table read(String name, byte[] bytes, Set<String> wanted) {
        try (ParquetFileReader r = ParquetFileReader.open(new BytesInputFile(bytes),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(new ParquetCodecs(name)).build())) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            List<Type> fields = new ArrayList<>();
            for (Type t : schema.getFields()) {
                if (wanted == null || wanted.stream().anyMatch(w -> w.equalsIgnoreCase(t.getName()))) fields.add(t);
            }
            if (fields.isEmpty()) return new Table(List.of());
            for (Type t : fields) {
                if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
                    throw new UserInputException(name + ": column " + t.getName() + " is nested or repeated; msb reads flat"
                            + " columns: flatten it before writing the file");
                }
            }
            MessageType projection = new MessageType(schema.getName(), fields);
            r.setRequestedSchema(projection);
            int n = Math.toIntExact(r.getRecordCount());
            Object[] cols = new Object[fields.size()];
            for (int k = 0; k < fields.size(); k++) cols[k] = newColumn(name, fields.get(k).asPrimitiveType(), n);
            int row = 0;
            PageReadStore pages;
            while ((pages = r.readNextRowGroup()) != null) {
                RecordReader<Group> rr = new ColumnIOFactory().getColumnIO(projection)
                        .getRecordReader(pages, new GroupRecordConverter(projection));
                for (long i = 0; i < pages.getRowCount(); i++, row++) {
                    Group g = rr.read();
                    for (int k = 0; k < fields.size(); k++) set(name, cols[k], fields.get(k).asPrimitiveType(), g, k, row);
                }
            }
            List<Table.Column> out = new ArrayList<>();
            for (int k = 0; k < fields.size(); k++) {
                String c = fields.get(k).getName();
                out.add(kind(name, fields.get(k).asPrimitiveType()) == 'T' ? new Table.Times(c, (long[]) cols[k]) : column(c, cols[k]));
            }
            return new Table(out);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserInputException u) throw u;
            throw new UserInputException(name + ": not a Parquet file msb can read (" + e.getMessage()
                    + "); the file may be truncated: write or download it again");
        }
    }

    private static Object newColumn(String name, PrimitiveType t, int n) {
        return switch (kind(name, t)) {
            case 'T', 'L' -> new long[n];
            case 'D' -> new double[n];
            default -> new String[n];
        };
    }

    /** 'T' time, 'L' long, 'D' double, 'S' string. */
    private static char kind(String name, PrimitiveType t) {
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        return switch (t.getPrimitiveTypeName()) {
            case INT64 -> a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ? 'T' : 'L';
            case INT32 -> a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation ? 'T' : 'L';
            case INT96 -> 'T';
            case DOUBLE, FLOAT -> 'D';
            case BINARY, FIXED_LEN_BYTE_ARRAY -> {
                if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) yield 'S';
                throw new UserInputException(name + ": column " + t.getName() + " is binary (" + a + "); msb reads numbers,"
                        + " times and text: convert it before writing the file");
            }
            case BOOLEAN -> throw new UserInputException(name + ": column " + t.getName() + " is boolean; msb reads numbers,"
                    + " times and text: convert it to 0/1 before writing the file");
        };
    }

    private static void set(String name, Object col, PrimitiveType t, Group g, int k, int row) {
        if (g.getFieldRepetitionCount(k) == 0) {
            if (col instanceof String[]) return;
            throw new UserInputException(name + " record " + (row + 1) + ": " + t.getName()
                    + " is empty (null); fill it in or drop the row");
        }
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        switch (t.getPrimitiveTypeName()) {
            case INT64 -> ((long[]) col)[row] = a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
                    ? toMs(g.getLong(k, 0), ts.getUnit()) : g.getLong(k, 0);
            case INT32 -> ((long[]) col)[row] = a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                    ? g.getInteger(k, 0) * MS_PER_DAY : g.getInteger(k, 0);
            case INT96 -> {
                ByteBuffer b = ByteBuffer.wrap(g.getInt96(k, 0).getBytes()).order(ByteOrder.LITTLE_ENDIAN);
                long nanosOfDay = b.getLong();
                long julianDay = b.getInt() & 0xffffffffL;
                ((long[]) col)[row] = (julianDay - JULIAN_EPOCH_DAY) * MS_PER_DAY + Math.floorDiv(nanosOfDay, 1_000_000L);
            }
            case DOUBLE -> ((double[]) col)[row] = g.getDouble(k, 0);
            case FLOAT -> ((double[]) col)[row] = g.getFloat(k, 0);
            default -> ((String[]) col)[row] = g.getString(k, 0);
        }
    }

    private static long toMs(long v, LogicalTypeAnnotation.TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> v;
            case MICROS -> Math.floorDiv(v, 1_000L);
            case NANOS -> Math.floorDiv(v, 1_000_000L);
        };
    }

    private static Table.Column column(String name, Object values) {
        return switch (values) {
            case long[] l -> new Table.Longs(name, l);
            case double[] d -> new Table.Doubles(name, d);
            case String[] s -> new Table.Strings(name, s);
            default -> throw new IllegalStateException("column kind " + values.getClass());
        };
    }

    /** An in-memory file: bar inputs are read whole anyway (their sha256 is recorded). */
    private record BytesInputFile(byte[] bytes) implements InputFile {
        @Override public long getLength() { return bytes.length; }

        @Override
        public SeekableInputStream newStream() {
            Seekable in = new Seekable(bytes);
            return new DelegatingSeekableInputStream(in) {
                @Override public long getPos() { return in.pos(); }

                @Override public void seek(long newPos) { in.seek(newPos); }
            };
        }
    }

    private static final class Seekable extends ByteArrayInputStream {
        Seekable(byte[] b) { super(b); }

        long pos() { return pos; }

        void seek(long p) { pos = (int) Math.min(p, count); }
    }

    /** Parquet's writer over the stream {@link AtomicFiles} hands out. */
    private record StreamOutputFile(OutputStream out, String name) implements OutputFile {
        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long pos;

                @Override public long getPos() { return pos; }

                @Override public void write(int b) throws IOException { out.write(b); pos++; }

                @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); pos += len; }

                @Override public void flush() throws IOException { out.flush(); }

                @Override public void close() throws IOException { out.flush(); } // AtomicFiles closes the file
            };
        }

        @Override public PositionOutputStream createOrOverwrite(long blockSizeHint) { return create(blockSizeHint); }

        @Override public boolean supportsBlockSize() { return false; }

        @Override public long defaultBlockSize() { return 0; }

        @Override public String getPath() { return name; }
    }
}
