package msb.evaluate;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Markdown cells for report.md: escaped pipes, numbers at a readable precision, small structures inline. */
final class ReportTables {
    private ReportTables() {}

    /** A table cell: {@code |} escaped and line breaks flattened, so that a value never breaks its table. */
    static String cell(Object v) {
        if (v == null) return "n/a";
        return v.toString().replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    /**
     * A value at a readable precision: 4 significant decimals for fractions, 2 for larger figures; maps as
     * {@code key value, ...}; a 3x3 count matrix (a confusion matrix) as rows {@code DOWN [a b c]}.
     */
    static String value(Object v) {
        if (v == null) return "n/a";
        if (v instanceof Double || v instanceof Float) return number(((Number) v).doubleValue());
        if (v instanceof Number || v instanceof String || v instanceof Boolean) return cell(v);
        if (v instanceof long[][] m && m.length == 3) return matrix(m);
        if (v instanceof List<?> l && l.size() == 3 && l.getFirst() instanceof List<?>) {
            StringBuilder b = new StringBuilder();
            String[] names = {"DOWN", "NEUTRAL", "UP"};
            for (int i = 0; i < 3; i++) b.append(i == 0 ? "" : ", ").append(names[i]).append(" ").append(l.get(i));
            return cell("true " + b + " (predicted DOWN, NEUTRAL, UP)");
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder();
            m.forEach((k, x) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(' ').append(value(x)));
            return b.toString();
        }
        if (v instanceof double[] a) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < a.length; i++) b.append(i == 0 ? "" : " ").append(number(a[i]));
            return b.append(']').toString();
        }
        if (v instanceof Record) return value(msb.core.Json.mapper().convertValue(v, Map.class));
        return cell(v);
    }

    static String number(double d) {
        if (!Double.isFinite(d)) return "n/a";
        return Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%.2f", d) : String.format(Locale.ROOT, "%.4f", d);
    }

    private static String matrix(long[][] m) {
        String[] names = {"DOWN", "NEUTRAL", "UP"};
        StringBuilder b = new StringBuilder("true ");
        for (int i = 0; i < 3; i++) {
            b.append(i == 0 ? "" : ", ").append(names[i]).append(" [").append(m[i][0]).append(' ').append(m[i][1]).append(' ')
                    .append(m[i][2]).append(']');
        }
        return b.append(" (predicted DOWN NEUTRAL UP)").toString();
    }
}
