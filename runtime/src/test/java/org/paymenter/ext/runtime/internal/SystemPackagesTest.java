package org.paymenter.ext.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SystemPackagesTest {

    @Test
    void splitsOnlyAtCommasOutsideQuotesAndDropsUses() {
        String header = "a.b;version=\"1.0.0\";uses:=\"x.y,z\",c.d;version=\"2.1\"";
        assertThat(SystemPackages.splitClauses(header)).hasSize(2);
        assertThat(SystemPackages.splitClauses(header).stream().map(SystemPackages::withoutUses))
                .containsExactly("a.b;version=\"1.0.0\"", "c.d;version=\"2.1\"");
    }
}
