package msb.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import msb.core.Json;
import msb.core.UserInputException;

/**
 * JSON bar layouts, read as a stream so that every record keeps the line it starts on:
 * coinbase-json {@code {"candles":[{"start":"<unix s open>",...}]}}, binance-json
 * {@code {"ohlc":[{"endTime":<close ms - 1>,"openPrice":..}]}}, freqtrade-json
 * {@code [[open_ms,o,h,l,c,v],...]} and hyperliquid-json (a candleSnapshot answer).
 */
final class JsonBarParser {
    private JsonBarParser() {}

    /** Visits each record of the top-level array (or the array under {@code arrayField}) with its line. */
    interface RecordVisitor {
        void record(JsonNode node, int index1, int line);
    }

    static JsonParser open(InputText in) {
        try {
            return Json.mapper().createParser(in.bytes, in.start, in.end - in.start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UserInputException invalid(InputText in, JsonProcessingException e) {
        var loc = e.getLocation();
        String where = loc == null ? "" : " line " + loc.getLineNr() + " column " + loc.getColumnNr();
        return new UserInputException(in.name + where + ": not valid JSON (" + e.getOriginalMessage()
                + "); the file may be truncated or corrupted: export or download it again");
    }

    /** Streams the records; {@code arrayField} null means the document itself is the array. */
    static int forEachRecord(InputText in, String arrayField, RecordVisitor visitor) {
        return forEachRecord(in, arrayField, visitor, null);
    }

    /** As above; a top-level {@code "name"} text (Binance's market, "ETH/USD_PT5M@BinanceUS") goes to {@code name[0]}. */
    static int forEachRecord(InputText in, String arrayField, RecordVisitor visitor, String[] nameOut) {
        int count = 0;
        boolean found = false;
        try (JsonParser p = open(in)) {
            JsonToken t = p.nextToken();
            if (arrayField == null) {
                if (t != JsonToken.START_ARRAY) {
                    throw new UserInputException(in.name + ": expected a JSON array of records at the top level");
                }
                found = true;
                count = readArray(p, visitor);
            } else {
                if (t != JsonToken.START_OBJECT) {
                    throw new UserInputException(in.name + ": expected a JSON object with a \"" + arrayField + "\" array");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if (name.equals(arrayField) && v == JsonToken.START_ARRAY && !found) {
                        found = true;
                        count = readArray(p, visitor);
                    } else if (nameOut != null && name.equals("name") && v == JsonToken.VALUE_STRING) {
                        nameOut[0] = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            }
            if (p.nextToken() != null) {
                throw new UserInputException(in.name + " line " + p.currentTokenLocation().getLineNr()
                        + ": unexpected content after the end of the JSON document; remove it");
            }
        } catch (JsonProcessingException e) {
            throw invalid(in, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!found) throw new UserInputException(in.name + ": no \"" + arrayField + "\" array; is the --format right?");
        if (count == 0) throw new UserInputException(in.name + ": the record array is empty; nothing to import");
        return count;
    }

    private static int readArray(JsonParser p, RecordVisitor visitor) throws IOException {
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int line = (int) p.currentTokenLocation().getLineNr();
            JsonNode node = p.readValueAsTree();
            visitor.record(node, ++index, line);
        }
        return index;
    }

    static double number(BarCollector out, JsonNode node, String field, int index, int line) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw out.error(line, index, "no " + field + " value; fix the record or re-export");
        return numberValue(out, v, field, index, line);
    }

    static double numberValue(BarCollector out, JsonNode v, String field, int index, int line) {
        double x;
        if (v.isNumber()) {
            x = v.doubleValue();
        } else if (v.isTextual()) {
            try {
                x = Num.parse(v.textValue());
            } catch (Num.NotANumber e) {
                throw out.error(line, index, field + " is \"" + v.textValue() + "\", not a number; fix the record or re-export");
            }
        } else {
            throw out.error(line, index, field + " is " + v + ", not a number; fix the record or re-export");
        }
        return out.finite(x, field, line, index);
    }

    static long integer(BarCollector out, JsonNode node, String field, int index, int line) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw out.error(line, index, "no " + field + " value; fix the record or re-export");
        return integerValue(out, v, field, index, line);
    }

    static long integerValue(BarCollector out, JsonNode v, String field, int index, int line) {
        long x = -1;
        if (v.isIntegralNumber() && v.canConvertToLong()) x = v.longValue();
        else if (v.isTextual() && v.textValue().matches("[0-9]{1,18}")) x = Long.parseLong(v.textValue());
        if (x < 0) throw out.error(line, index, field + " is " + v + ", not a unix time; fix the record or re-export");
        return x;
    }

    static long seconds(BarCollector out, TimeField tf, long raw, String field, int index, int line) {
        try {
            return tf.fromNumber(raw);
        } catch (TimeField.BadTime e) {
            throw out.error(line, index, field + ": " + e.getMessage());
        }
    }

    static Bars coinbase(InputText in, long intervalSec) {
        BarCollector out = new BarCollector(in.name, BarCollector.Locator.RECORD, BarCollector.Stamp.OPEN);
        TimeField tf = new TimeField();
        forEachRecord(in, "candles", (node, i, line) -> out.add(line,
                seconds(out, tf, integer(out, node, "start", i, line), "start", i, line),
                number(out, node, "open", i, line), number(out, node, "high", i, line), number(out, node, "low", i, line),
                number(out, node, "close", i, line), number(out, node, "volume", i, line)));
        return out.finish(intervalSec);
    }

    static Bars binance(InputText in, long intervalSec, String[] symbolOut) {
        BarCollector out = new BarCollector(in.name, BarCollector.Locator.RECORD, BarCollector.Stamp.CLOSE);
        forEachRecord(in, "ohlc", (node, i, line) -> {
            long endMs = integer(out, node, "endTime", i, line);
            if ((endMs + 1) % 1000 != 0) {
                throw out.error(line, i, "endTime " + endMs + " is not a bar close minus 1 ms (it should end in 999)");
            }
            out.add(line, (endMs + 1) / 1000, number(out, node, "openPrice", i, line),
                    number(out, node, "highPrice", i, line), number(out, node, "lowPrice", i, line),
                    number(out, node, "closePrice", i, line), number(out, node, "volume", i, line));
        }, symbolOut);
        return out.finish(intervalSec);
    }

    static Bars freqtrade(InputText in, long intervalSec) {
        BarCollector out = new BarCollector(in.name, BarCollector.Locator.RECORD, BarCollector.Stamp.OPEN);
        TimeField tf = new TimeField();
        String[] names = {"open_ms", "open", "high", "low", "close", "volume"};
        forEachRecord(in, null, (node, i, line) -> {
            if (!node.isArray() || node.size() != 6) {
                throw out.error(line, i, "expected [open_ms, open, high, low, close, volume], found "
                        + (node.isArray() ? node.size() + " values" : node.getNodeType().toString().toLowerCase())
                        + "; fix the record or re-export");
            }
            double[] x = new double[6];
            for (int k = 1; k < 6; k++) x[k] = numberValue(out, node.get(k), names[k], i, line);
            long ts = seconds(out, tf, integerValue(out, node.get(0), "open_ms", i, line), "open_ms", i, line);
            out.add(line, ts, x[1], x[2], x[3], x[4], x[5]);
        });
        return out.finish(intervalSec);
    }

    static Bars hyperliquid(InputText in, long intervalSec, String[] symbolOut) {
        BarCollector out = new BarCollector(in.name, BarCollector.Locator.RECORD, BarCollector.Stamp.OPEN);
        TimeField tf = new TimeField();
        long[] interval = {intervalSec};
        String[] firstI = {null};
        forEachRecord(in, null, (node, i, line) -> {
            if (!node.isObject()) throw out.error(line, i, "expected a candle object {t,T,s,i,o,c,h,l,v,n}");
            JsonNode iv = node.get("i");
            if (iv != null && iv.isTextual()) {
                if (firstI[0] == null) {
                    firstI[0] = iv.textValue();
                    if (interval[0] == 0) interval[0] = hyperliquidIntervalSec(out, iv.textValue(), i, line);
                } else if (!firstI[0].equals(iv.textValue())) {
                    throw out.error(line, i, "interval \"" + iv.textValue() + "\" differs from the first record's \""
                            + firstI[0] + "\"; import one interval per file");
                }
            }
            JsonNode coin = node.get("s");
            if (coin != null && coin.isTextual()) {
                if (symbolOut[0] == null) symbolOut[0] = coin.textValue();
                else if (!symbolOut[0].equals(coin.textValue())) {
                    throw out.error(line, i, "coin \"" + coin.textValue() + "\" differs from the first record's \""
                            + symbolOut[0] + "\"; import one coin per file");
                }
            }
            long ts = seconds(out, tf, integer(out, node, "t", i, line), "t", i, line);
            out.add(line, ts, number(out, node, "o", i, line), number(out, node, "h", i, line),
                    number(out, node, "l", i, line), number(out, node, "c", i, line), number(out, node, "v", i, line));
        });
        return out.finish(interval[0]);
    }

    /** Hyperliquid interval names (1m ... 1w); "1M" (a calendar month) has no fixed length. */
    static long hyperliquidIntervalSec(BarCollector out, String name, int index, int line) {
        if (name.endsWith("M")) throw out.error(line, index, "interval \"" + name + "\" (months) has no fixed length; fetch a fixed interval such as 1d");
        try {
            return Intervals.parseSeconds(name, "interval");
        } catch (UserInputException e) {
            throw out.error(line, index, "interval \"" + name + "\" is not a Hyperliquid interval (1m, 5m, 1h, 4h, 1d, ...)");
        }
    }

    /** What a JSON document looks like, for --format auto. */
    static ImportFormat sniff(InputText in) {
        try (JsonParser p = open(in)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if (name.equals("candles")) return ImportFormat.COINBASE_JSON;
                    if (name.equals("ohlc")) return ImportFormat.BINANCE_JSON;
                    p.skipChildren();
                }
                throw new UserInputException(in.name + ": a JSON object without a \"candles\" (Coinbase) or \"ohlc\""
                        + " (Binance) array; pass --format or convert the file to CSV");
            }
            if (t == JsonToken.START_ARRAY) {
                JsonToken first = p.nextToken();
                if (first == JsonToken.START_ARRAY) return ImportFormat.FREQTRADE_JSON;
                if (first == JsonToken.START_OBJECT) {
                    JsonNode node = p.readValueAsTree();
                    if (node.has("t") && node.has("o")) return ImportFormat.HYPERLIQUID_JSON;
                    if (node.has("fundingRate")) {
                        throw new UserInputException(in.name + " holds funding rates, not bars; import it with --funding");
                    }
                }
                if (first == JsonToken.END_ARRAY) throw new UserInputException(in.name + ": an empty JSON array; nothing to import");
            }
            throw new UserInputException(in.name + ": a JSON layout msb does not know; pass --format (" + ImportFormat.names() + ")");
        } catch (JsonProcessingException e) {
            throw invalid(in, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
