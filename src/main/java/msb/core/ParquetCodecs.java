package msb.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet page codecs without Hadoop: parquet-java's own factory builds a Hadoop Configuration (and so needs
 * the whole Hadoop stack) for any compressed page. Snappy (pandas' default), zstd, gzip and none are served
 * by the libraries msb already has; other codecs are refused naming the file.
 */
final class ParquetCodecs implements CompressionCodecFactory {
    private static final int ZSTD_LEVEL = 3;
    private final String file;

    ParquetCodecs(String file) { this.file = file; }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput in) throws IOException {
                byte[] b = in.toByteArray();
                return BytesInput.from(switch (codec) {
                    case UNCOMPRESSED -> b;
                    case SNAPPY -> org.xerial.snappy.Snappy.compress(b);
                    case ZSTD -> com.github.luben.zstd.Zstd.compress(b, ZSTD_LEVEL);
                    case GZIP -> gzip(b);
                    default -> throw unsupported(codec);
                });
            }

            @Override public CompressionCodecName getCodecName() { return codec; }

            @Override public void release() {}
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput in, int uncompressedSize) throws IOException {
                byte[] b = in.toByteArray();
                byte[] out = switch (codec) {
                    case UNCOMPRESSED -> b;
                    case SNAPPY -> org.xerial.snappy.Snappy.uncompress(b);
                    case ZSTD -> com.github.luben.zstd.Zstd.decompress(b, uncompressedSize);
                    case GZIP -> new GZIPInputStream(new ByteArrayInputStream(b)).readAllBytes();
                    default -> throw unsupported(codec);
                };
                if (out.length != uncompressedSize) {
                    throw new IOException("a " + codec + " page decompressed to " + out.length + " bytes, its header says "
                            + uncompressedSize);
                }
                return BytesInput.from(out);
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) throws IOException {
                byte[] b = new byte[compressedSize];
                input.get(b);
                output.put(decompress(BytesInput.from(b), uncompressedSize).toByteArray());
            }

            @Override public void release() {}
        };
    }

    @Override public void release() {}

    private UserInputException unsupported(CompressionCodecName codec) {
        return new UserInputException(file + " uses the " + codec + " codec; msb reads Parquet compressed with snappy,"
                + " zstd or gzip (or none): write it again with one of those (pandas: to_parquet(compression='snappy'))");
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) { z.write(b); }
        return out.toByteArray();
    }
}
