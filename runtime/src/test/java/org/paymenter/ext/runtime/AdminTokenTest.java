package org.paymenter.ext.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {

    @TempDir
    Path data;

    @Test
    void generatesAPrivateFileOnFirstStartAndKeepsItAfterwards() throws Exception {
        AdminToken first = AdminToken.resolve(data, Map.of());
        assertThat(first.origin()).isEqualTo(AdminToken.Origin.GENERATED);
        assertThat(Files.getPosixFilePermissions(first.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String token = Files.readString(first.file()).trim();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);

        AdminToken second = AdminToken.resolve(data, Map.of());
        assertThat(second.origin()).isEqualTo(AdminToken.Origin.FILE);
        assertThat(Files.readString(second.file()).trim()).isEqualTo(token);
        assertThat(second.describe()).doesNotContain(token);
    }

    @Test
    void environmentWinsAndNothingIsWritten() throws Exception {
        AdminToken token = AdminToken.resolve(data, Map.of(AdminToken.ENV, "from-env-123"));
        assertThat(token.origin()).isEqualTo(AdminToken.Origin.ENVIRONMENT);
        assertThat(token.file()).doesNotExist();
        assertThat(token.describe()).doesNotContain("from-env-123");
    }
}
