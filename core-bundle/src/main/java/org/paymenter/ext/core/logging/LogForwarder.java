package org.paymenter.ext.core.logging;

import java.lang.System.Logger.Level;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;

/**
 * Passes the OSGi log's warnings and errors (SCR's failed activations, a bundle that would not start) to the
 * host's log, under {@code osgi.<bundle symbolic name>}. Info and debug entries stay out: SCR writes
 * several per component and they drown what matters.
 */
final class LogForwarder implements LogListener {

    static final String LOGGER_PREFIX = "osgi.";
    static final String UNKNOWN_BUNDLE = "framework";

    @Override
    public void logged(LogEntry entry) {
        level(entry.getLogLevel()).ifPresent(level -> System.getLogger(loggerName(entry.getBundle()))
                .log(level, entry.getMessage(), entry.getException()));
    }

    static Optional<Level> level(LogLevel level) {
        return switch (level) {
            case ERROR -> Optional.of(Level.ERROR);
            case WARN -> Optional.of(Level.WARNING);
            default -> Optional.empty();
        };
    }

    static String loggerName(Bundle bundle) {
        String name = bundle == null ? null : bundle.getSymbolicName();
        return LOGGER_PREFIX + (name == null ? UNKNOWN_BUNDLE : name);
    }
}
