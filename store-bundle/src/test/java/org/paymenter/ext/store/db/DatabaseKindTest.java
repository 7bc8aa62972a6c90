package org.paymenter.ext.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseKindTest {

    @Test
    void recognisesTheTwoDatabases() {
        assertThat(DatabaseKind.of("jdbc:postgresql://db/x")).contains(DatabaseKind.POSTGRESQL);
        assertThat(DatabaseKind.of("jdbc:h2:file:/tmp/x")).contains(DatabaseKind.H2);
        assertThat(DatabaseKind.of("jdbc:mysql://db/x")).isEmpty();
    }

    @Test
    void redactionDropsCredentialsAndParameters() {
        assertThat(DatabaseKind.redact("jdbc:postgresql://bob:s3cret@db.example:5432/pay?password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db.example:5432/pay");
        assertThat(DatabaseKind.redact("jdbc:h2:file:/data/db/paymenter;WRITE_DELAY=0;PASSWORD=x"))
                .isEqualTo("jdbc:h2:file:/data/db/paymenter");
    }
}
