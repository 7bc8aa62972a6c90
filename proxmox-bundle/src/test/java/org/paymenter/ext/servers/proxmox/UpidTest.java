package org.paymenter.ext.servers.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpidTest {

    @Test
    void nodeTypeAndIdAreReadFromTheTaskId() {
        assertThat(Upid.parse("UPID:pve2:0000ABCD:0012F00D:66A1B2C3:qmclone:100:root@pam!paymenter:"))
                .contains(new Upid("UPID:pve2:0000ABCD:0012F00D:66A1B2C3:qmclone:100:root@pam!paymenter:", "pve2",
                        "qmclone", "100"));
    }

    @Test
    void anythingElseIsNoTaskId() {
        assertThat(Upid.parse(null)).isEmpty();
        assertThat(Upid.parse("OK")).isEmpty();
        assertThat(Upid.parse("UPID:pve1:short")).isEmpty();
    }

    @Test
    void pollsGrowUpToTheirCeiling() {
        assertThat(TaskWaiter.next(ProxmoxDefaults.TASK_FIRST_POLL)).isEqualTo(java.time.Duration.ofMillis(150));
        assertThat(TaskWaiter.next(ProxmoxDefaults.TASK_MAX_POLL)).isEqualTo(ProxmoxDefaults.TASK_MAX_POLL);
    }
}
