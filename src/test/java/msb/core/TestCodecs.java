package msb.core;

import org.apache.parquet.compression.CompressionCodecFactory;

/** msb's Hadoop-free Parquet codecs, for test fixtures written with parquet-java directly. */
public final class TestCodecs {
    private TestCodecs() {}

    public static CompressionCodecFactory factory(String file) { return new ParquetCodecs(file); }
}
