package org.paymenter.ext.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to run: the command-line options of {@code scripts/run} and what the launcher derives from them.
 * Every option has a default that works from the project directory.
 *
 * @param port          HTTP port of the admin API ({@code 0} picks a free one)
 * @param host          address to listen on
 * @param bundlesDir    the watched folder
 * @param dataDir       framework cache, instances, keys, logs
 * @param systemBundles the jars installed before the folder: SCR, ConfigAdmin, EventAdmin, Gogo, the
 *                      project's api, core and http bundles
 * @param shell         whether to attach the Gogo console to the terminal
 * @param databaseUrl   {@code --db-url}: a PostgreSQL JDBC URL shared by several nodes, or null for the
 *                      embedded database under the data folder
 * @param panelCallback {@code --panel-callback}: where payment changes are POSTed, or null (they wait)
 */
public record RuntimeOptions(int port, String host, Path bundlesDir, Path dataDir, List<Path> systemBundles,
        boolean shell, String databaseUrl, String panelCallback) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_BUNDLES = "bundles-dir";
    public static final String DEFAULT_DATA = "data";

    public RuntimeOptions {
        Objects.requireNonNull(host, "host");
        bundlesDir = bundlesDir.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        systemBundles = List.copyOf(systemBundles);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port);
        }
        if (databaseUrl != null && !databaseUrl.startsWith("jdbc:postgresql:") && !databaseUrl.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("--db-url must be a jdbc:postgresql:// URL");
        }
        if (panelCallback != null && !panelCallback.matches("https?://.+")) {
            throw new IllegalArgumentException("--panel-callback must be an http(s) URL, not '" + panelCallback + "'");
        }
    }

    /** Options with the embedded database and no panel callback. */
    public RuntimeOptions(int port, String host, Path bundlesDir, Path dataDir, List<Path> systemBundles,
            boolean shell) {
        this(port, host, bundlesDir, dataDir, systemBundles, shell, null, null);
    }

    /** Defaults for everything but the system bundles, which only the caller knows. */
    public static RuntimeOptions defaults(List<Path> systemBundles) {
        return new RuntimeOptions(DEFAULT_PORT, DEFAULT_HOST, Path.of(DEFAULT_BUNDLES), Path.of(DEFAULT_DATA),
                systemBundles, false);
    }

    public RuntimeOptions withPort(int newPort) {
        return new RuntimeOptions(newPort, host, bundlesDir, dataDir, systemBundles, shell, databaseUrl, panelCallback);
    }

    public RuntimeOptions withDirs(Path newBundles, Path newData) {
        return new RuntimeOptions(port, host, newBundles, newData, systemBundles, shell, databaseUrl, panelCallback);
    }

    public RuntimeOptions withShell(boolean on) {
        return new RuntimeOptions(port, host, bundlesDir, dataDir, systemBundles, on, databaseUrl, panelCallback);
    }

    public RuntimeOptions withDatabase(String url) {
        return new RuntimeOptions(port, host, bundlesDir, dataDir, systemBundles, shell, url, panelCallback);
    }

    public RuntimeOptions withPanelCallback(String url) {
        return new RuntimeOptions(port, host, bundlesDir, dataDir, systemBundles, shell, databaseUrl, url);
    }

    /**
     * Parses {@code --port N --host H --bundles DIR --data DIR --db-url URL --panel-callback URL} (also
     * {@code --opt=value}).
     *
     * @throws IllegalArgumentException with a sentence for the user on anything it does not understand
     */
    public static RuntimeOptions parse(String[] args, List<Path> systemBundles, boolean shell) {
        int port = DEFAULT_PORT;
        String host = DEFAULT_HOST;
        Path bundles = Path.of(DEFAULT_BUNDLES);
        Path data = Path.of(DEFAULT_DATA);
        String databaseUrl = null;
        String panelCallback = null;
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                rest.add(arg.substring(0, eq));
                rest.add(arg.substring(eq + 1));
            } else {
                rest.add(arg);
            }
        }
        for (int i = 0; i < rest.size(); i++) {
            String option = rest.get(i);
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException(usage());
            }
            if (!List.of("--port", "--host", "--bundles", "--data", "--db-url", "--panel-callback").contains(option)) {
                throw new IllegalArgumentException("unknown option '" + option + "'\n" + usage());
            }
            if (i + 1 >= rest.size() || rest.get(i + 1).isBlank()) {
                throw new IllegalArgumentException(option + " needs a value\n" + usage());
            }
            String value = rest.get(++i);
            switch (option) {
                case "--port" -> port = parsePort(value);
                case "--host" -> host = value;
                case "--bundles" -> bundles = Path.of(value);
                case "--db-url" -> databaseUrl = value;
                case "--panel-callback" -> panelCallback = value;
                default -> data = Path.of(value);
            }
        }
        return new RuntimeOptions(port, host, bundles, data, systemBundles, shell, databaseUrl, panelCallback);
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number, not '" + value + "'");
        }
    }

    public static String usage() {
        return "usage: scripts/run [--port 8080] [--host 127.0.0.1] [--bundles bundles-dir] [--data data]"
                + " [--db-url jdbc:postgresql://host/db] [--panel-callback https://panel/callback]";
    }
}
