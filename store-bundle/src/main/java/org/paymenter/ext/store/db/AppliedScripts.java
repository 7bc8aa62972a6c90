package org.paymenter.ext.store.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

import javax.sql.DataSource;

/**
 * Whether a history table already records every script of a migration folder, unchanged: then a start has
 * nothing for Flyway to do, and need not load it (its class loading and validation cost 150-200 ms, on the
 * path to "ready"). Any doubt answers false and Flyway decides as always: no history table yet, a script
 * not applied, a row that failed, a row for a script the folder no longer has, or a checksum that differs.
 *
 * <p>The checksum is Flyway's for SQL scripts: CRC32 of each line's UTF-8 bytes, without line ends and
 * without a leading byte-order mark. Should a Flyway upgrade compute it differently, the answer is
 * false and Flyway runs: slower, never wrong.
 */
final class AppliedScripts {

    /** Flyway's row type for a SQL migration; other rows (baseline, schema creation) are not scripts. */
    private static final String SQL_ROW = "SQL";

    private AppliedScripts() {
    }

    /**
     * @param scripts each script's file name (as Flyway records it) and content
     */
    static boolean allApplied(DataSource dataSource, String historyTable, Map<String, String> scripts) {
        Map<String, Integer> applied = new HashMap<>();
        String query = "SELECT \"script\", \"checksum\", \"type\", \"success\" FROM " + quoted(historyTable);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                boolean success = rows.getBoolean(4);
                if (!success) {
                    return false;
                }
                if (!SQL_ROW.equals(rows.getString(3))) {
                    continue;
                }
                int checksum = rows.getInt(2);
                if (rows.wasNull() || applied.put(rows.getString(1), checksum) != null) {
                    return false; // a repeated script (a repeatable migration) is Flyway's to judge
                }
            }
        } catch (SQLException e) {
            return false; // most often: the table does not exist yet
        }
        if (!applied.keySet().equals(scripts.keySet())) {
            return false;
        }
        return scripts.entrySet().stream().allMatch(s -> applied.get(s.getKey()) == checksum(s.getValue()));
    }

    /** Flyway's checksum of a SQL script. */
    static int checksum(String script) {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new StringReader(script))) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return (int) crc.getValue();
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
