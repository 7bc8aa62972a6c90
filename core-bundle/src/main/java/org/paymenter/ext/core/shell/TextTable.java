package org.paymenter.ext.core.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Left-aligned text columns for the shell: each column as wide as its widest cell, two spaces apart. */
public final class TextTable {

    private static final String GAP = "  ";

    private final int columns;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table whose first line names the columns. */
    public TextTable(String... headers) {
        if (headers.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = headers.length;
        this.headers = List.of(headers);
    }

    private TextTable(int columns) {
        if (columns <= 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = columns;
        this.headers = List.of();
    }

    /** A table without a header line, e.g. for "label  value" pairs. */
    public static TextTable withoutHeader(int columns) {
        return new TextTable(columns);
    }

    /** Adds a row; null cells print empty, line breaks inside a cell print as spaces. */
    public TextTable row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("row has " + cells.length + " cells; the table has " + columns
                    + " columns");
        }
        rows.add(Arrays.stream(cells).map(TextTable::cell).toList());
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table as lines joined by '\n', with no trailing spaces and no final line break. */
    public String render() {
        List<List<String>> lines = new ArrayList<>();
        if (!headers.isEmpty()) {
            lines.add(headers);
        }
        lines.addAll(rows);
        int[] widths = new int[columns];
        for (List<String> line : lines) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        return lines.stream().map(line -> format(line, widths)).collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return render();
    }

    private static String format(List<String> line, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < line.size(); i++) {
            if (i > 0) {
                text.append(GAP);
            }
            text.append(line.get(i));
            text.append(" ".repeat(widths[i] - line.get(i).length()));
        }
        return text.toString().stripTrailing();
    }

    private static String cell(Object value) {
        return Objects.toString(value, "").replaceAll("\\R", " ");
    }
}
