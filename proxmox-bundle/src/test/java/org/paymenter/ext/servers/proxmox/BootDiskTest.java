package org.paymenter.ext.servers.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class BootDiskTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode config(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void firstDiskOfTheBootOrderWinsOverCdromsAndCloudInit() throws Exception {
        JsonNode config = config("{'boot':'order=ide2;virtio1;net0','ide2':'local:iso/x.iso,media=cdrom',"
                + "'virtio1':'ceph:vm-100-disk-1,size=64G','scsi0':'local-lvm:vm-100-disk-0,size=8G'}");

        assertThat(BootDisk.of(config)).contains(new BootDisk("virtio1", 64 * BootDisk.GIB));
    }

    @Test
    void legacyBootdiskKeyIsHonoured() throws Exception {
        JsonNode config = config("{'boot':'cdn','bootdisk':'sata0','sata0':'local:100/vm-100-disk-0.qcow2,size=512M',"
                + "'scsi0':'local-lvm:vm-100-disk-1,size=8G'}");

        BootDisk disk = BootDisk.of(config).orElseThrow();

        assertThat(disk.key()).isEqualTo("sata0");
        assertThat(disk.sizeBytes()).isEqualTo(512L << 20);
        assertThat(disk.gib()).isEqualTo("0.5");
    }

    @Test
    void withoutBootOrderTheFirstDiskBusIsUsedAndCloudInitDrivesAreSkipped() throws Exception {
        JsonNode config = config("{'ide0':'local-lvm:vm-100-cloudinit,media=cdrom','scsi0':'local-lvm:vm-100-disk-0,size=1T'}");

        assertThat(BootDisk.of(config)).contains(new BootDisk("scsi0", 1024 * BootDisk.GIB));
    }

    @Test
    void vmWithoutDisksHasNoBootDisk() throws Exception {
        assertThat(BootDisk.of(config("{'ide2':'none,media=cdrom','net0':'virtio,bridge=vmbr0'}"))).isEmpty();
    }
}
