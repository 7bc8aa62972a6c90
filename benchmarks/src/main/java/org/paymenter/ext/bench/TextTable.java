package org.paymenter.ext.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table: first column left-aligned, the others right-aligned. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... headers) {
        rows.add(headers);
    }

    void add(String... cells) {
        rows.add(cells);
    }

    void print(PrintStream out) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = rows.get(r)[c];
                String pad = " ".repeat(width[c] - cell.length());
                line.append(c == 0 ? cell + pad : pad + cell).append(c < columns - 1 ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                out.println("-".repeat(line.toString().stripTrailing().length()));
            }
        }
    }

    /** {@code a / b} with two decimals, or "-" when either is missing. */
    static String ratio(double a, double b) {
        double r = a / b;
        return Double.isNaN(r) || Double.isInfinite(r) ? "-" : String.format(Locale.ROOT, "%.2f", r);
    }

    /** One decimal, or "-" for NaN. */
    static String num(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }
}
