package msb.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampNanoTZVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes the interop fixtures under src/test/resources/interop (run it again to remake them; see the README
 * there): the same 48 five-minute bars as freqtrade stores them in feather (an Arrow IPC file, date as
 * timestamp[ns, UTC] = candle open, float64 prices and volume, lz4-frame buffers: pandas'
 * {@code to_feather(compression="lz4")}), as Parquet the way pandas/pyarrow writes such a frame (INT64
 * TIMESTAMP(NANOS, UTC), DOUBLE, snappy pages) and as the equivalent generic CSV.
 * <pre>./mvnw -q test-compile exec... or: java -cp target/test-classes:target/classes:$(cat target/classpath.txt) msb.data.InteropFixtures</pre>
 */
public final class InteropFixtures {
    static final int BARS = 48;
    static final long FIRST_OPEN_SEC = 1_735_689_600L; // 2025-01-01T00:00:00Z
    static final long STEP_SEC = 300;
    static final List<String> COLUMNS = List.of("date", "open", "high", "low", "close", "volume");

    private InteropFixtures() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/interop");
        Files.createDirectories(dir);
        double[][] ohlcv = ohlcv();
        feather(dir.resolve("BTC_USDT-5m.feather"), ohlcv);
        parquet(dir.resolve("BTC_USDT-5m.parquet"), ohlcv);
        csv(dir.resolve("BTC_USDT-5m.csv"), ohlcv);
    }

    /** A seeded walk with prices on a 0.1 grid and volumes on a 0.001 grid: exact in CSV text and in binary. */
    static double[][] ohlcv() {
        Random rnd = new Random(14);
        double[][] x = new double[BARS][5];
        double close = 94_000;
        for (int i = 0; i < BARS; i++) {
            double open = close;
            close = Math.round((open + rnd.nextGaussian() * 60) * 10) / 10.0;
            double high = Math.round((Math.max(open, close) + rnd.nextDouble() * 30) * 10) / 10.0;
            double low = Math.round((Math.min(open, close) - rnd.nextDouble() * 30) * 10) / 10.0;
            x[i] = new double[]{open, high, low, close, Math.round(rnd.nextDouble() * 50_000) / 1000.0};
        }
        return x;
    }

    static void feather(Path file, double[][] x) throws IOException {
        List<Field> fields = new java.util.ArrayList<>();
        fields.add(new Field("date", FieldType.nullable(new ArrowType.Timestamp(TimeUnit.NANOSECOND, "UTC")), null));
        for (String c : COLUMNS.subList(1, 6)) {
            fields.add(new Field(c, FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), null));
        }
        try (var alloc = new RootAllocator(); var root = VectorSchemaRoot.create(new Schema(fields), alloc);
             var ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
             var w = new ArrowFileWriter(root, null, ch, null, IpcOption.DEFAULT, CommonsCompressionFactory.INSTANCE,
                     CompressionUtil.CodecType.LZ4_FRAME)) {
            root.allocateNew();
            var date = (TimeStampNanoTZVector) root.getVector("date");
            for (int i = 0; i < BARS; i++) {
                date.setSafe(i, (FIRST_OPEN_SEC + i * STEP_SEC) * 1_000_000_000L);
                for (int k = 0; k < 5; k++) ((Float8Vector) root.getVector(COLUMNS.get(k + 1))).setSafe(i, x[i][k]);
            }
            root.setRowCount(BARS);
            w.start();
            w.writeBatch();
            w.end();
        }
    }

    static void parquet(Path file, double[][] x) throws IOException {
        Types.MessageTypeBuilder b = Types.buildMessage();
        b.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.NANOS)).named("date");
        for (String c : COLUMNS.subList(1, 6)) b.optional(PrimitiveTypeName.DOUBLE).named(c);
        MessageType schema = b.named("schema");
        Files.deleteIfExists(file);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withConf(new PlainParquetConfiguration())
                .withType(schema).withCodecFactory(msb.core.TestCodecs.factory(file.toString()))
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            var rows = new SimpleGroupFactory(schema);
            for (int i = 0; i < BARS; i++) {
                Group g = rows.newGroup().append("date", (FIRST_OPEN_SEC + i * STEP_SEC) * 1_000_000_000L);
                for (int k = 0; k < 5; k++) g.append(COLUMNS.get(k + 1), x[i][k]);
                w.write(g);
            }
        }
    }

    static void csv(Path file, double[][] x) throws IOException {
        StringBuilder b = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (int i = 0; i < BARS; i++) {
            b.append(FIRST_OPEN_SEC + i * STEP_SEC);
            for (double v : x[i]) b.append(',').append(String.format(Locale.ROOT, "%s", v));
            b.append('\n');
        }
        Files.writeString(file, b.toString());
    }
}
