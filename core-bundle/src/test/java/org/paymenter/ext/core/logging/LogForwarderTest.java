package org.paymenter.ext.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger.Level;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

class LogForwarderTest {

    @Test
    void onlyWarningsAndErrorsAreForwarded() {
        assertThat(LogForwarder.level(LogLevel.ERROR)).contains(Level.ERROR);
        assertThat(LogForwarder.level(LogLevel.WARN)).contains(Level.WARNING);
        assertThat(LogForwarder.level(LogLevel.INFO)).isEmpty();
        assertThat(LogForwarder.level(LogLevel.DEBUG)).isEmpty();
        assertThat(LogForwarder.level(LogLevel.AUDIT)).isEmpty();
    }

    @Test
    void entriesWithoutABundleGoToTheFrameworkLogger() {
        assertThat(LogForwarder.loggerName(null)).isEqualTo("osgi.framework");
    }
}
