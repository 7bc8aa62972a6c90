package org.paymenter.ext.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistoryTablesTest {

    @Test
    void aPlainSymbolicNameReadsAsItIs() {
        assertThat(HistoryTables.forBundle("org.paymenter.ext.affiliates"))
                .isEqualTo("ext_history_org_paymenter_ext_affiliates");
    }

    @Test
    void namesThatWouldCollideOrAreLongGetAHash() {
        String dotted = HistoryTables.forBundle("a.b");
        String underscored = HistoryTables.forBundle("a_b");
        assertThat(dotted).isEqualTo("ext_history_a_b");
        assertThat(underscored).isNotEqualTo(dotted).matches("ext_history_a_b_[0-9a-f]{8}");
        String long1 = HistoryTables.forBundle("com.example." + "x".repeat(80) + ".one");
        String long2 = HistoryTables.forBundle("com.example." + "x".repeat(80) + ".two");
        assertThat(long1).isNotEqualTo(long2);
        assertThat(long1.length()).isLessThanOrEqualTo(63);
        assertThat(HistoryTables.forBundle("Weird-Name; DROP TABLE payments")).matches("[a-z0-9_]+");
    }
}
