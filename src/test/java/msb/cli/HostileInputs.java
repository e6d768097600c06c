package msb.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import msb.core.Workspace;
import msb.data.Bars;
import msb.data.CliRun;
import msb.data.FundingSeries;
import msb.data.RawStore;

/**
 * The hostile-input corpus, generated: every CONTRACT.md import rule and every case of issue 12's data and
 * input half, each as files written into a fresh directory plus the command line to run on them, the exit
 * code due (0 or 2, never anything else) and, for 0, a check that the stored data is right.
 */
final class HostileInputs {
    /** One input: {@code prepare} writes the files into its directory and returns the CLI arguments. */
    record Case(String name, int expectedCode, Function<Path, String[]> prepare, BiConsumer<Path, CliRun> check) {}

    static final long T0 = 1_700_000_000L, STEP = 300;
    private static final String HEADER = "timestamp,open,high,low,close,volume";
    static final int ROWS = 8;

    private HostileInputs() {}

    static String[] args(Path dir, String... rest) {
        String[] all = new String[rest.length + 2];
        all[0] = "--home";
        all[1] = dir.resolve("home").toString();
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }

    static Path write(Path dir, String name, String content) { return CliRun.write(dir.resolve("in"), name, content); }

    /** A valid 5-minute CSV row {@code i} (0-based). */
    static String row(int i) {
        double o = 100 + i, c = 101 + i;
        return (T0 + i * STEP) + "," + o + "," + (c + 2) + "," + (o - 2) + "," + c + "," + (1.5 + i);
    }

    private static List<String> rows() {
        List<String> r = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) r.add(row(i));
        return r;
    }

    /** What a broken row looks like: given the row index and its valid text, the bad text. */
    private record Breakage(String name, BadRow bad) {}

    @FunctionalInterface
    private interface BadRow { String row(int i, String valid); }

    private static String withField(String valid, int k, String value) {
        String[] f = valid.split(",", -1);
        f[k] = value;
        return String.join(",", f);
    }

    private static final List<Breakage> CSV_BREAKAGES = List.of(
            new Breakage("non-number", (i, v) -> withField(v, 1, "abc")),
            new Breakage("empty field", (i, v) -> withField(v, 4, "")),
            new Breakage("NaN", (i, v) -> withField(v, 2, "NaN")),
            new Breakage("inf", (i, v) -> withField(v, 3, "inf")),
            new Breakage("1e999", (i, v) -> withField(v, 5, "1e999")),
            new Breakage("zero price", (i, v) -> withField(withField(v, 3, "0"), 1, "0")),
            new Breakage("negative price", (i, v) -> withField(v, 4, "-101")),
            new Breakage("high < low", (i, v) -> withField(v, 2, "1")),
            new Breakage("open above high", (i, v) -> withField(v, 1, "1000")),
            new Breakage("close below low", (i, v) -> withField(v, 4, "50")),
            new Breakage("negative volume", (i, v) -> withField(v, 5, "-1")),
            new Breakage("duplicate time", (i, v) -> withField(v, 0, Long.toString(T0 + (i == 0 ? 1 : i - 1) * STEP))),
            new Breakage("decreasing time", (i, v) -> withField(v, 0, Long.toString(T0 + (i == 0 ? 5 : i - 2) * STEP))),
            new Breakage("misaligned time", (i, v) -> withField(v, 0, Long.toString(T0 + i * STEP + 7))),
            new Breakage("extra column", (i, v) -> v + ",9"),
            new Breakage("missing column", (i, v) -> v.substring(0, v.lastIndexOf(','))),
            new Breakage("milliseconds among seconds", (i, v) -> withField(v, 0, (T0 + i * STEP) * 1000 + "")),
            new Breakage("microseconds", (i, v) -> withField(v, 0, (T0 + i * STEP) * 1_000_000 + "")),
            new Breakage("far future", (i, v) -> withField(v, 0, Long.toString(T0 + 400L * 365 * 86_400 + i * STEP))),
            new Breakage("1970", (i, v) -> withField(v, 0, Long.toString(86_400 + i * STEP))),
            new Breakage("price 1e300", (i, v) -> withField(withField(v, 2, "1e300"), 4, "1e300")),
            new Breakage("price 1e-300", (i, v) -> withField(withField(v, 3, "1e-300"), 1, "1e-300")),
            new Breakage("volume 1e300", (i, v) -> withField(v, 5, "1e300")),
            new Breakage("fractional second", (i, v) -> withField(v, 0, (T0 + i * STEP) + ".5")),
            new Breakage("time without offset", (i, v) -> withField(v, 0, "2023-11-14 22:13:20")),
            new Breakage("control byte", (i, v) -> withField(v, 1, "10\u00010")));

    /** Every CSV breakage on the first, a middle and the last data row, with LF and with CRLF line ends. */
    static List<Case> csvRows() {
        List<Case> out = new ArrayList<>();
        for (Breakage b : CSV_BREAKAGES) {
            for (int at : new int[]{0, ROWS / 2, ROWS - 1}) {
                for (String eol : new String[]{"\n", "\r\n"}) {
                    List<String> r = rows();
                    r.set(at, b.bad().row(at, r.get(at)));
                    String text = HEADER + eol + String.join(eol, r) + eol;
                    out.add(refusedImport("csv " + b.name() + " at row " + (at + 1) + (eol.length() == 2 ? " crlf" : ""), "bars.csv", text));
                }
            }
        }
        return out;
    }

    /** The same breakages in freqtrade-json and the raw Binance kline layout. */
    static List<Case> otherLayouts() {
        List<Case> out = new ArrayList<>();
        for (Breakage b : CSV_BREAKAGES) {
            if (b.name().contains("column") || b.name().equals("time without offset") || b.name().equals("control byte")
                    || b.name().startsWith("milliseconds")) { // text-only faults, or (ms among ms) no fault at all
                continue;
            }
            for (int at : new int[]{0, ROWS - 1}) {
                List<String> r = rows();
                r.set(at, b.bad().row(at, r.get(at)));
                StringBuilder json = new StringBuilder("[");
                StringBuilder klines = new StringBuilder();
                for (String line : r) {
                    String[] f = line.split(",", -1);
                    String t = f[0].matches("\\d+") && f[0].length() <= 10 ? f[0] + "000" : f[0];
                    json.append(json.length() > 1 ? ",\n" : "\n").append('[').append(jsonValue(t));
                    for (int k = 1; k < 6; k++) json.append(',').append(jsonValue(f[k]));
                    json.append(']');
                    String close = t.matches("\\d+") ? Long.toString(Long.parseLong(t) + STEP * 1000 - 1) : t;
                    klines.append(t).append(',').append(f[1]).append(',').append(f[2]).append(',').append(f[3]).append(',')
                            .append(f[4]).append(',').append(f[5]).append(',').append(close).append(",1,2,3,4,0\n");
                }
                json.append("\n]\n");
                out.add(refusedImport("freqtrade-json " + b.name() + " at row " + (at + 1), "BTC_USDT-5m.json", json.toString()));
                out.add(refusedImport("binance-klines " + b.name() + " at row " + (at + 1), "BTCUSDT-5m.csv", klines.toString()));
            }
        }
        return out;
    }

    private static String jsonValue(String f) {
        if (f.isEmpty()) return "null";
        return f.matches("-?[0-9.eE+-]+") && !f.equals("-") ? f : "\"" + f.replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\u0001", "\\u0001") + "\"";
    }

    static Case refusedImport(String name, String file, String content) {
        return new Case(name, 2, dir -> args(dir, "data", "import", "--in", write(dir, file, content).toString()),
                HostileInputs::nothingWritten);
    }

    static void nothingWritten(Path dir, CliRun r) {
        assertEquals(List.of(), CliRun.filesUnder(dir.resolve("home")), "nothing written on exit 2");
    }

    /** CONTRACT.md "Import rules": the exit-2 files that are not row breakages. */
    static List<Case> contractRefusals() {
        String body = String.join("\n", rows());
        return List.of(
                refusedImport("empty file", "e.csv", ""),
                refusedImport("blank lines only", "w.csv", "\n\r\n \n"),
                refusedImport("header only", "h.csv", HEADER + "\n"),
                refusedImport("truncated last line", "t.csv", HEADER + "\n" + body + "\n" + row(ROWS).substring(0, 18)),
                refusedImport("gzip bytes", "g.csv", "\u001f\u008b\b\u0000\u0000"),
                refusedImport("json truncated", "c.json", "{\"candles\":[{\"start\":\"1700000000\",\"open\":\"1\""),
                refusedImport("json object of nothing", "x.json", "{\"a\":1}"),
                refusedImport("empty json array", "a.json", "[]"),
                refusedImport("single bar, interval unknown", "one.csv", HEADER + "\n" + row(0) + "\n"),
                refusedImport("binance-json ETH/USD under BTC", "b.json", binanceJson("ETH/USD_PT5M@BinanceUS")),
                refusedImport("hyperliquid-json coin ETH under BTC", "hl.json", hyperliquidJson("ETH", "ETH")),
                refusedImport("hyperliquid-json two coins", "hl2.json", hyperliquidJson("BTC", "ETH")),
                refusedImport("funding file as bars", "f.json", "[{\"coin\":\"BTC\",\"fundingRate\":\"0.0001\",\"time\":1700000000000}]"));
    }

    static String binanceJson(String market) {
        StringBuilder b = new StringBuilder("{\"name\":\"" + market + "\",\"ohlc\":[");
        for (int i = 0; i < ROWS; i++) {
            long end = (T0 + (i + 1) * STEP) * 1000 - 1;
            b.append(i > 0 ? "," : "").append("{\"endTime\":").append(end).append(",\"openPrice\":100,\"highPrice\":103,"
                    + "\"lowPrice\":98,\"closePrice\":101,\"volume\":2}");
        }
        return b.append("]}").toString();
    }

    static String hyperliquidJson(String coin, String lastCoin) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < ROWS; i++) {
            long t = (T0 + i * STEP) * 1000;
            b.append(i > 0 ? "," : "").append("{\"t\":").append(t).append(",\"T\":").append(t + STEP * 1000 - 1)
                    .append(",\"s\":\"").append(i == ROWS - 1 ? lastCoin : coin)
                    .append("\",\"i\":\"5m\",\"o\":\"100\",\"c\":\"101\",\"h\":\"103\",\"l\":\"98\",\"v\":\"2\",\"n\":3}");
        }
        return b.append("]").toString();
    }

    /** Legal quirks (CONTRACT.md): exit 0 and exactly the bars of the clean file, stamped at close. */
    static List<Case> contractLegal() {
        List<Case> out = new ArrayList<>();
        String lf = HEADER + "\n" + String.join("\n", rows()) + "\n";
        List<UnaryOperator<String>> quirks = List.of(
                s -> s, s -> s.replace("\n", "\r\n"), s -> "\uFEFF" + s, s -> s + "\n\n  \n", s -> s.substring(0, s.length() - 1),
                s -> "\uFEFF" + s.replace("\n", "\r\n") + "\r\n\r\n", HostileInputs::quoted);
        String[] names = {"clean", "crlf", "bom", "blank trailing lines", "no final newline", "bom crlf blank lines", "quoted fields"};
        for (int q = 0; q < quirks.size(); q++) {
            String text = quirks.get(q).apply(lf);
            out.add(storedBars("legal " + names[q], "bars.csv", text, ROWS, T0 + STEP));
        }
        StringBuilder iso = new StringBuilder(HEADER + "\n"), isoSpace = new StringBuilder(HEADER + "\n"), isoOffset = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < ROWS; i++) {
            String rest = row(i).substring(row(i).indexOf(','));
            java.time.Instant t = java.time.Instant.ofEpochSecond(T0 + i * STEP);
            iso.append(t).append(rest).append('\n');
            isoSpace.append(t.toString().replace('T', ' ').replace("Z", "+00:00")).append(rest).append('\n');
            isoOffset.append(t.atOffset(java.time.ZoneOffset.ofHours(2))).append(rest).append('\n');
        }
        out.add(storedBars("legal iso T Z", "bars.csv", iso.toString(), ROWS, T0 + STEP));
        out.add(storedBars("legal iso space +00:00", "bars.csv", isoSpace.toString(), ROWS, T0 + STEP));
        out.add(storedBars("legal iso +02:00", "bars.csv", isoOffset.toString(), ROWS, T0 + STEP));
        List<String> gap = rows();
        gap.remove(3);
        out.add(storedBars("legal gap kept", "bars.csv", HEADER + "\n" + String.join("\n", gap) + "\n", ROWS - 1, T0 + STEP));
        out.add(storedBars("binance-json BTC", "b.json", binanceJson("BTC/USD_PT5M@BinanceUS"), ROWS, T0 + STEP));
        out.add(storedBars("hyperliquid-json BTC", "hl.json", hyperliquidJson("BTC", "BTC"), ROWS, T0 + STEP));
        out.add(new Case("binance-json ETH/USD under ETH", 0, dir -> args(dir, "data", "import", "--symbol", "ETH", "--in",
                write(dir, "b.json", binanceJson("ETH/USD_PT5M@BinanceUS")).toString()),
                (dir, r) -> assertEquals(ROWS, RawStore.load(Workspace.at(dir.resolve("home")), "ETH", "b").size())));
        return out;
    }

    /** Every data field in double quotes. */
    private static String quoted(String csv) {
        StringBuilder b = new StringBuilder();
        for (String line : csv.split("\n")) {
            b.append(line.startsWith("timestamp") ? line : "\"" + line.replace(",", "\",\"") + "\"").append('\n');
        }
        return b.toString();
    }

    static Case storedBars(String name, String file, String content, int rows, long firstCloseTs) {
        return new Case(name, 0, dir -> args(dir, "data", "import", "--in", write(dir, file, content).toString()), (dir, r) -> {
            String source = file.substring(0, file.indexOf('.'));
            Bars b = RawStore.load(Workspace.at(dir.resolve("home")), "BTC", source);
            assertEquals(rows, b.size(), name + ": rows");
            assertEquals(firstCloseTs, b.ts(0), name + ": first bar stamped at its close");
            assertEquals(STEP, b.intervalSec());
            assertEquals(101.0, b.close()[0], 0.0, name + ": first close");
        });
    }

    /** Funding: jitter snapped and counted, real disorder refused. */
    static List<Case> funding() {
        long s = 1_758_268_800L; // 2025-09-19T08:00Z, a settlement hour
        String jitter = "[[" + (s * 1000 + 5) + ",0.0008,0,0,0,0],[" + ((s + 28_800) * 1000 + 47) + ",0.0016,0,0,0,0],["
                + (s + 57_600) * 1000 + ",0.0008,0,0,0,0]]";
        String binance = "symbol,funding_date,funding_time,fundingRate,markPrice\nBTCUSDT,2025-09-19,08:00:00.001000,0.0008,0.0\n"
                + "BTCUSDT,2025-09-19,16:00:00,0.0016,0.0\nBTCUSDT,2025-09-20,00:00:00.045000,0.0008,0.0\n";
        List<Case> out = new ArrayList<>();
        for (String[] f : new String[][]{{"freqtrade ms jitter", "BTC_USDT-funding_rate.json", jitter}, {"binance export jitter", "rates.csv", binance}}) {
            out.add(new Case("funding " + f[0], 0, dir -> args(dir, "data", "import", "--funding", write(dir, f[1], f[2]).toString()),
                    (dir, r) -> {
                        FundingSeries fs = RawStore.funding(Workspace.at(dir.resolve("home")), "BTC").orElseThrow();
                        assertArrayEquals(new long[]{s, s + 28_800, s + 57_600}, fs.ts(), "snapped onto the settlement hours");
                        assertArrayEquals(new double[]{0.0001, 0.0002, 0.0001}, fs.ratePerHour(), 1e-18);
                        assertTrue(r.out().contains("snapped:    2 settlement stamps"), r.out());
                    }));
        }
        String[][] bad = {
                {"conflicting duplicate", "[[" + (s * 1000 + 5) + ",0.0008,0,0,0,0],[" + (s * 1000 + 9) + ",0.0009,0,0,0,0]]"},
                {"decreasing", "[[" + (s + 28_800) * 1000 + ",0.0008,0,0,0,0],[" + (s * 1000 + 9) + ",0.0009,0,0,0,0]]"},
                {"fraction off the hour", "[[" + ((s + 1800) * 1000 + 500) + ",0.0008,0,0,0,0]]"},
                {"percent rate", "[[" + s * 1000 + ",8,0,0,0,0]]"},
                {"NaN rate", "[[" + s * 1000 + ",NaN,0,0,0,0]]"},
                {"far future", "[[" + (s + 400L * 365 * 86_400) * 1000 + ",0.0008,0,0,0,0]]"},
                {"microseconds", "[[" + s * 1_000_000 + ",0.0008,0,0,0,0]]"},
                {"empty", ""}};
        for (String[] b : bad) {
            out.add(new Case("funding " + b[0], 2, dir -> args(dir, "data", "import", "--funding",
                    write(dir, "f.json", b[1]).toString()), HostileInputs::nothingWritten));
        }
        return out;
    }

    /** Oversized inputs: a one-line file never quoted whole, sparse 2 GiB files refused without reading them. */
    static List<Case> sizes() {
        return List.of(
                refusedImport("5 MB one-line file", "line.csv", "x".repeat(5 << 20)),
                refusedImport("5 MB one-line json", "line.json", "[\"" + "y".repeat(5 << 20) + "\"]"),
                new Case("2 GiB sparse file", 2, dir -> args(dir, "data", "import", "--in", sparse(dir, "").toString()),
                        HostileInputs::nothingWritten),
                new Case("2 GiB file with a text head", 2, dir -> args(dir, "data", "import", "--in",
                        sparse(dir, HEADER + "\n" + (row(0) + "\n").repeat(2000)).toString()), (dir, r) -> {
                    nothingWritten(dir, r);
                    assertTrue(r.err().contains("MiB"), r.err());
                }));
    }

    private static Path sparse(Path dir, String head) {
        Path f = write(dir, "big.csv", head);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength((2L << 30) + 1); // holes: no disk space, no time
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    /** Options and paths that must be a one-line exit 2. */
    static List<Case> options() {
        String ok = HEADER + "\n" + String.join("\n", rows()) + "\n";
        List<Case> out = new ArrayList<>();
        String[][] argv = {
                {"dataset", "build", "--tf", "5M"}, {"dataset", "build", "--tf", "7m"}, {"train", "--tf", "1M"},
                {"data", "import", "--in", "@OK", "--symbol", "b@d"}, {"data", "import", "--in", "@OK", "--symbol", ""},
                {"data", "import", "--in", "@OK", "--symbol", "../x"}, {"data", "import", "--in", "@OK", "--format", "bogus"},
                {"data", "import", "--in", "@OK", "--interval", "7x"}, {"data", "import", "--in", "@OK", "--ts-is", "middle"},
                {"data", "import", "--in", "@OK", "--frobnicate"}, {"frobnicate"}, {"data", "import"},
                {"data", "import", "--in", "@DIR"}, {"data", "import", "--in", "@MISSING"},
                {"data", "import", "--funding", "@OK", "--funding-period-hours", "0"},
                {"data", "fetch", "--exchange", "hyperliquid", "--tf", "1h", "--days", "1", "--base-url", "httpx://x"},
                {"data", "fetch", "--exchange", "hyperliquid", "--tf", "1h", "--days", "1", "--base-url", "::"},
                {"data", "fetch", "--exchange", "hyperliquid", "--tf", "1h", "--days", "0"},
                {"data", "fetch", "--exchange", "hyperliquid", "--tf", "5M", "--days", "1"},
                {"evaluate", "--tf", "24h", "--report", "@FILE"}, {"evaluate", "--tf", "24h", "--report", "@OUTSIDE"},
                {"status", "--state-dir", "@MISSING"}, {"run-live", "--tf", "24h", "--from", "@MISSING"}};
        for (String[] a : argv) {
            out.add(new Case("args " + String.join(" ", a), 2, dir -> {
                String[] x = a.clone();
                for (int i = 0; i < x.length; i++) {
                    x[i] = switch (x[i]) {
                        case "@OK" -> write(dir, "ok.csv", ok).toString();
                        case "@DIR" -> dir.resolve("in").toString();
                        case "@MISSING" -> dir.resolve("missing.csv").toString();
                        case "@FILE" -> CliRun.write(dir.resolve("home"), "report.txt", "x").toString();
                        case "@OUTSIDE" -> dir.resolve("elsewhere").toString();
                        default -> x[i];
                    };
                }
                write(dir, "ok.csv", ok);
                return args(dir, x);
            }, (dir, r) -> { }));
        }
        out.add(new Case("--home is a file", 2, dir -> new String[]{"--home", write(dir, "f", "x").toString(), "data", "import",
                "--in", write(dir, "ok.csv", ok).toString()}, (dir, r) -> { }));
        out.add(new Case("--home under a file", 2, dir -> new String[]{"--home", write(dir, "f", "x").resolve("sub").toString(),
                "data", "import", "--in", write(dir, "ok.csv", ok).toString()}, (dir, r) -> assertTrue(r.err().contains("not a directory"), r.err())));
        return out;
    }
}
