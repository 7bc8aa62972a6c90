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
 */
public record RuntimeOptions(int port, String host, Path bundlesDir, Path dataDir, List<Path> systemBundles,
        boolean shell) {

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
    }

    /** Defaults for everything but the system bundles, which only the caller knows. */
    public static RuntimeOptions defaults(List<Path> systemBundles) {
        return new RuntimeOptions(DEFAULT_PORT, DEFAULT_HOST, Path.of(DEFAULT_BUNDLES), Path.of(DEFAULT_DATA),
                systemBundles, false);
    }

    public RuntimeOptions withPort(int newPort) {
        return new RuntimeOptions(newPort, host, bundlesDir, dataDir, systemBundles, shell);
    }

    public RuntimeOptions withDirs(Path newBundles, Path newData) {
        return new RuntimeOptions(port, host, newBundles, newData, systemBundles, shell);
    }

    public RuntimeOptions withShell(boolean on) {
        return new RuntimeOptions(port, host, bundlesDir, dataDir, systemBundles, on);
    }

    /**
     * Parses {@code --port N --host H --bundles DIR --data DIR} (also {@code --opt=value}).
     *
     * @throws IllegalArgumentException with a sentence for the user on anything it does not understand
     */
    public static RuntimeOptions parse(String[] args, List<Path> systemBundles, boolean shell) {
        int port = DEFAULT_PORT;
        String host = DEFAULT_HOST;
        Path bundles = Path.of(DEFAULT_BUNDLES);
        Path data = Path.of(DEFAULT_DATA);
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
            if (!List.of("--port", "--host", "--bundles", "--data").contains(option)) {
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
                default -> data = Path.of(value);
            }
        }
        return new RuntimeOptions(port, host, bundles, data, systemBundles, shell);
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number, not '" + value + "'");
        }
    }

    public static String usage() {
        return "usage: scripts/run [--port 8080] [--host 127.0.0.1] [--bundles bundles-dir] [--data data]";
    }
}
