package org.paymenter.ext.servers.proxmox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A VM's boot disk as its config describes it ({@code scsi0: local-lvm:vm-100-disk-0,size=32G}): the first
 * disk of the boot order, else the legacy {@code bootdisk}, else the first of virtio0, scsi0, sata0, ide0 that
 * is a disk.
 *
 * @param key       the config key ({@code scsi0}), which the resize call names
 * @param sizeBytes its current size
 */
record BootDisk(String key, long sizeBytes) {

    static final long GIB = 1L << 30;
    private static final Pattern BUS_KEY = Pattern.compile("(virtio|scsi|sata|ide)\\d+");
    private static final Pattern SIZE = Pattern.compile("(?:^|,)size=(\\d+(?:\\.\\d+)?)([KMGT]?)(?:,|$)");
    private static final List<String> FALLBACK_ORDER = List.of("virtio0", "scsi0", "sata0", "ide0");
    private static final String UNITS = "KMGT";

    static Optional<BootDisk> of(JsonNode config) {
        List<String> candidates = new ArrayList<>(bootOrder(config.path("boot").asText("")));
        candidates.add(config.path("bootdisk").asText(""));
        candidates.addAll(FALLBACK_ORDER);
        for (String key : candidates) {
            String value = config.path(key).asText("");
            if (BUS_KEY.matcher(key).matches() && isDisk(value)) {
                return Optional.of(new BootDisk(key, size(value)));
            }
        }
        return Optional.empty();
    }

    /** The keys of {@code order=scsi0;ide2;net0}; none for the legacy {@code boot: cdn} (then {@code bootdisk} says). */
    private static List<String> bootOrder(String boot) {
        for (String part : boot.split(",")) {
            if (part.startsWith("order=")) {
                return List.of(part.substring("order=".length()).split(";"));
            }
        }
        return List.of();
    }

    private static boolean isDisk(String value) {
        return !value.isEmpty() && !value.contains("media=cdrom") && !value.contains("cloudinit")
                && !value.startsWith("none");
    }

    private static long size(String value) {
        Matcher m = SIZE.matcher(value);
        if (!m.find()) {
            return 0;
        }
        BigDecimal number = new BigDecimal(m.group(1));
        int power = m.group(2).isEmpty() ? 0 : UNITS.indexOf(m.group(2)) + 1;
        return number.multiply(BigDecimal.valueOf(1024).pow(power)).longValue();
    }

    /** The size in GiB for messages: "32", "2.5". */
    String gib() {
        return BigDecimal.valueOf(sizeBytes).divide(BigDecimal.valueOf(GIB), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
