package org.paymenter.ext.testkit.fakes.proxmox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One QEMU VM of the fake, changed only under the cluster's lock. */
final class FakeVm {

    static final String RUNNING = "running";
    static final String STOPPED = "stopped";
    static final String PAUSED = "paused";
    static final long GIB = 1L << 30;
    private static final String MASK = "**********";
    private static final Pattern SIZE = Pattern.compile("(^|,)size=(\\d+)([KMGT]?)(?=,|$)");
    private static final Pattern DISK_KEY = Pattern.compile("(virtio|scsi|sata|ide)\\d+");
    private static final String UNITS = "KMGT";

    final int vmid;
    /** Changed only by a migration. */
    String node;
    final Map<String, String> config = new LinkedHashMap<>();
    String status = STOPPED;
    String qmpStatus = STOPPED;
    /** Held while the task that builds the VM runs; config and power calls are refused meanwhile. */
    String lock;
    /** The API only ever shows it masked; kept so tests can compare it with what the customer was sent. */
    String ciPassword;
    long startedAtSeconds;

    FakeVm(int vmid, String node) {
        this.vmid = vmid;
        this.node = node;
    }

    boolean template() {
        return "1".equals(config.get("template"));
    }

    boolean running() {
        return RUNNING.equals(status);
    }

    int intConfig(String key, int fallback) {
        String v = config.get(key);
        return v == null ? fallback : Integer.parseInt(v);
    }

    /** The first disk of the boot order, else the first disk key. */
    Optional<String> bootDisk() {
        String boot = config.getOrDefault("boot", "");
        if (boot.startsWith("order=")) {
            for (String key : boot.substring("order=".length()).split(";")) {
                if (isDisk(key)) {
                    return Optional.of(key);
                }
            }
        }
        return config.keySet().stream().filter(this::isDisk).findFirst();
    }

    boolean isDisk(String key) {
        String v = config.get(key);
        return v != null && DISK_KEY.matcher(key).matches() && !v.contains("media=cdrom");
    }

    long diskBytes(String key) {
        Matcher m = SIZE.matcher(config.getOrDefault(key, ""));
        if (!m.find()) {
            return 0;
        }
        int power = m.group(3).isEmpty() ? 0 : UNITS.indexOf(m.group(3)) + 1;
        return Long.parseLong(m.group(2)) * (long) Math.pow(1024, power);
    }

    void setDiskBytes(String key, long bytes) {
        String size = bytes % GIB == 0 ? bytes / GIB + "G" : bytes / (1L << 20) + "M";
        String value = config.get(key);
        Matcher m = SIZE.matcher(value);
        config.put(key, m.find() ? m.replaceFirst("$1size=" + size) : value + ",size=" + size);
    }

    long bootDiskBytes() {
        return bootDisk().map(this::diskBytes).orElse(0L);
    }

    /** The config as {@code GET .../config} answers it. */
    Map<String, Object> visibleConfig() {
        Map<String, Object> view = new LinkedHashMap<>();
        config.forEach((k, v) -> view.put(k, isNumeric(k) ? (Object) Long.parseLong(v) : v));
        if (ciPassword != null) {
            view.put("cipassword", MASK);
        }
        if (lock != null) {
            view.put("lock", lock);
        }
        view.put("digest", digest());
        return view;
    }

    /** Like the real digest, a SHA-1 of the config, which changes whenever the config does. */
    private String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-1").digest(config.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    private boolean isNumeric(String key) {
        return List.of("cores", "sockets", "memory", "onboot", "agent", "template", "vmid").contains(key)
                && config.get(key).matches("\\d+");
    }

    /** An entry of {@code GET /nodes/{node}/qemu}. */
    Map<String, Object> listEntry() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("vmid", vmid);
        e.put("name", config.getOrDefault("name", "VM " + vmid));
        e.put("status", status);
        e.put("cpus", intConfig("cores", 1) * intConfig("sockets", 1));
        e.put("maxmem", intConfig("memory", 512) * (1L << 20));
        e.put("maxdisk", bootDiskBytes());
        e.put("uptime", running() ? uptime() : 0);
        if (template()) {
            e.put("template", 1);
        }
        if (lock != null) {
            e.put("lock", lock);
        }
        return e;
    }

    /** {@code GET .../status/current}. */
    Map<String, Object> currentStatus() {
        Map<String, Object> s = listEntry();
        s.put("qmpstatus", qmpStatus);
        s.put("mem", running() ? intConfig("memory", 512) * (1L << 19) : 0);
        s.put("cpu", running() ? 0.01 : 0);
        s.put("disk", 0);
        s.put("netin", 0);
        s.put("netout", 0);
        s.put("ha", Map.of("managed", 0));
        return s;
    }

    private long uptime() {
        return Math.max(1, System.currentTimeMillis() / 1000 - startedAtSeconds);
    }

    VmState snapshot() {
        Map<String, String> visible = new LinkedHashMap<>();
        visibleConfig().forEach((k, v) -> visible.put(k, String.valueOf(v)));
        return new VmState(vmid, node, config.getOrDefault("name", ""), status, qmpStatus, Optional.ofNullable(lock),
                template(), intConfig("cores", 1), intConfig("sockets", 1), intConfig("memory", 512),
                bootDiskBytes() / GIB, "1".equals(config.get("onboot")), config.getOrDefault("ciuser", ""),
                Optional.ofNullable(ciPassword), Optional.ofNullable(config.get("sshkeys")), visible);
    }
}
