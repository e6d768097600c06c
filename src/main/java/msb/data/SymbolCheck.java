package msb.data;

import java.util.Locale;
import msb.core.UserInputException;

/**
 * A market named inside the data ("ETH/USD_PT5M@BinanceUS", "BTCUSDT", a Hyperliquid coin "ETH") must be
 * the one {@code --symbol} names: data of another coin stored under BTC would silently train a BTC model
 * on ETH prices. The base asset is compared: the part before a separator, or else the leading letters of a
 * pair such as BTCUSDT (XBT is BitMEX's name for BTC).
 */
public final class SymbolCheck {
    private SymbolCheck() {}

    /** True when {@code inData} names the market {@code symbol} (case-insensitive, base asset only). */
    public static boolean matches(String inData, String symbol) {
        String d = inData.trim().toUpperCase(Locale.ROOT), s = symbol.trim().toUpperCase(Locale.ROOT);
        int cut = indexOfSeparator(d);
        String base = cut >= 0 ? d.substring(0, cut) : d;
        if (base.equals(s) || s.equals("BTC") && base.equals("XBT")) return true;
        if (cut >= 0) return false;
        // a concatenated pair: the symbol followed by a quote currency
        for (String quote : new String[]{"USDT", "USDC", "USD", "BUSD", "EUR", "PERP", "BTC", "ETH"}) {
            if (d.equals(s + quote) || s.equals("BTC") && d.equals("XBT" + quote)) return true;
        }
        return false;
    }

    /** Throws (exit 2) when {@code inData} is present and names another market than {@code symbol}. */
    public static void require(String inData, String symbol, String where) {
        if (inData == null || inData.isBlank() || matches(inData, symbol)) return;
        String shown = inData.length() > 40 ? inData.substring(0, 40) + "..." : inData;
        throw new UserInputException(where + " is data of \"" + shown + "\", not " + symbol
                + "; pass --symbol for that market (or the right file)");
    }

    private static int indexOfSeparator(String d) {
        for (int i = 0; i < d.length(); i++) {
            char ch = d.charAt(i);
            if (ch == '/' || ch == '-' || ch == '_' || ch == ':' || ch == '@' || ch == ' ') return i;
        }
        return -1;
    }
}
