package org.paymenter.ext.runtime.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One log for the launcher and every bundle: bundles log through {@link System.Logger}, which the JDK
 * routes to java.util.logging, and this sends it to the console and to a rotated file under
 * {@code <data>/logs/}. No logging library has to resolve inside the framework.
 */
public final class LogSetup {

    public static final String FILE_PATTERN = "runtime.%g.log";
    public static final int FILE_LIMIT_BYTES = 10 * 1024 * 1024;
    public static final int FILE_COUNT = 5;

    private LogSetup() {
    }

    /**
     * Replaces the root handlers. With a shell attached, the console shows warnings only, so log lines do
     * not bury the prompt; the file always gets everything from INFO up.
     */
    public static synchronized void configure(Path logsDir, boolean quietConsole) throws IOException {
        Files.createDirectories(logsDir);
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
            handler.close();
        }
        Formatter format = new LineFormat();
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(format);
        console.setLevel(quietConsole ? Level.WARNING : Level.INFO);
        FileHandler file = new FileHandler(logsDir.resolve(FILE_PATTERN).toString(), FILE_LIMIT_BYTES, FILE_COUNT, true);
        file.setFormatter(format);
        file.setLevel(Level.INFO);
        file.setEncoding("UTF-8");
        root.addHandler(console);
        root.addHandler(file);
        root.setLevel(Level.INFO);
    }

    /** {@code 2026-12-03T17:00:00.123Z WARNING [logger] message} and the stack trace, if any. */
    private static final class LineFormat extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder(160)
                    .append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                    .append(record.getLevel().getName()).append(" [")
                    .append(shortName(record.getLoggerName())).append("] ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }

        private static String shortName(String name) {
            if (name == null) {
                return "";
            }
            int dot = name.lastIndexOf('.');
            return dot < 0 || name.startsWith("osgi.") ? name : name.substring(dot + 1);
        }
    }
}
