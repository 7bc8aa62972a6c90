package org.paymenter.ext.store.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbackSecretTest {

    @TempDir
    Path data;

    @Test
    void isGeneratedOwnerOnlyOnceAndThenKept() throws Exception {
        Path file = data.resolve("callback-secret");
        String first = CallbackSecret.resolve(Optional.empty(), file, new SecureRandom());
        assertThat(first).hasSizeGreaterThanOrEqualTo(40);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(CallbackSecret.resolve(Optional.empty(), file, new SecureRandom())).isEqualTo(first);
    }

    @Test
    void theEnvironmentWinsAndNoFileIsWritten() {
        Path file = data.resolve("callback-secret");
        assertThat(CallbackSecret.resolve(Optional.of("from-env"), file, new SecureRandom())).isEqualTo("from-env");
        assertThat(file).doesNotExist();
    }
}
