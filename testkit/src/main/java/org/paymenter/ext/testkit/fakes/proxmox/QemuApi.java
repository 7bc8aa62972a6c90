package org.paymenter.ext.testkit.fakes.proxmox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The QEMU endpoints under {@code /nodes/{node}/qemu}: list, create, clone, config, resize, power and
 * destroy. Parameters are checked as the real schema checks them (unknown keys, numbers, booleans, the
 * URL-encoding of {@code sshkeys}); building and power changes run as tasks whose effect shows when they stop.
 */
final class QemuApi {

    private static final String VM = "/nodes/" + ClusterApi.NODE + "/qemu/(?<vmid>\\d+)";
    private static final int MAX_VMID = 999_999_999;
    private static final Set<String> CONFIG_KEYS = Set.of("name", "cores", "sockets", "memory", "cpu", "ostype", "onboot",
            "agent", "scsihw", "boot", "bootdisk", "ciuser", "cipassword", "sshkeys", "description", "cpulimit",
            "cpuunits", "autostart", "searchdomain", "nameserver", "tags", "balloon", "numa", "vga", "serial0", "machine",
            "bios", "digest", "delete");
    private static final Set<String> CREATE_ONLY_KEYS = Set.of("vmid", "pool", "start", "archive", "force", "storage");
    private static final Pattern INDEXED_KEY = Pattern.compile("(net|ipconfig)\\d|(scsi|virtio|sata|ide|unused)\\d+");
    private static final Pattern DISK_KEY = Pattern.compile("(scsi|virtio|sata|ide)\\d+");
    /** The check behind the API's 'urlencoded' format, which {@code sshkeys} has. */
    private static final Pattern URLENCODED = Pattern.compile("[-%a-zA-Z0-9_.!~*'()]*");
    private static final Pattern DNS_NAME =
            Pattern.compile("([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?\\.)*[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?");
    private static final Pattern NEW_DISK = Pattern.compile("(?<storage>[^:,]+):(?<size>\\d+)(?<rest>(,.*)?)");
    private static final Pattern SIZE = Pattern.compile("(?<plus>\\+)?(?<n>\\d+)(?<unit>[KMGT])?");
    private static final Set<String> NIC_MODELS = Set.of("virtio", "e1000", "e1000e", "rtl8139", "vmxnet3");
    private static final String UNITS = "KMGT";

    private final PveCluster cluster;

    QemuApi(PveCluster cluster) {
        this.cluster = cluster;
    }

    List<PveRoute> routes() {
        return List.of(
                PveRoute.of("GET", "/nodes/" + ClusterApi.NODE + "/qemu", this::list),
                PveRoute.of("POST", "/nodes/" + ClusterApi.NODE + "/qemu", this::create),
                PveRoute.of("POST", VM + "/clone", this::cloneVm),
                PveRoute.of("GET", VM + "/config", c -> cluster.vm(c.node(), c.vmid()).visibleConfig()),
                PveRoute.of("PUT", VM + "/config", this::configure),
                PveRoute.of("PUT", VM + "/resize", this::resize),
                PveRoute.of("GET", VM + "/status/current", c -> cluster.vm(c.node(), c.vmid()).currentStatus()),
                PveRoute.of("POST", VM + "/status/(?<action>start|stop|shutdown|reboot|reset|suspend|resume)", this::power),
                PveRoute.of("DELETE", VM, this::destroy));
    }

    private List<Map<String, Object>> list(PveRoute.Call call) {
        cluster.requireNode(call.node());
        return cluster.vms.values().stream().filter(vm -> vm.node.equals(call.node())).map(FakeVm::listEntry).toList();
    }

    private String create(PveRoute.Call call) {
        cluster.requireNode(call.node());
        PveParams params = call.params();
        int vmid = params.requireInt("vmid", PveCluster.FIRST_VMID, MAX_VMID);
        Map<String, String> settings = checkedConfig(params, true);
        if (cluster.vms.containsKey(vmid)) {
            throw new PveError(500, "unable to create VM " + vmid + " - VM " + vmid + " already exists on node '"
                    + cluster.vms.get(vmid).node + "'");
        }
        Map<String, String> config = new LinkedHashMap<>();
        settings.forEach((key, value) -> config.put(key, DISK_KEY.matcher(key).matches()
                ? allocate(key, value, vmid, config) : value));
        FakeVm vm = placeholder(call.node(), vmid, "create");
        String password = settings.get("cipassword");
        return cluster.startTask(call.node(), "qmcreate", String.valueOf(vmid), call.user(), () -> {
            vm.config.putAll(config);
            vm.config.remove("cipassword");
            vm.ciPassword = password;
            vm.lock = null;
        }, () -> cluster.vms.remove(vmid));
    }

    /** {@code local-lvm:20} allocates a 20 GiB volume, {@code local-lvm:cloudinit} a cloud-init drive. */
    private String allocate(String key, String value, int vmid, Map<String, String> config) {
        Matcher disk = NEW_DISK.matcher(value);
        if (disk.matches()) {
            requireImageStorage(disk.group("storage"));
            long index = config.values().stream().filter(v -> v.contains("vm-" + vmid + "-disk-")).count();
            return disk.group("storage") + ":vm-" + vmid + "-disk-" + index + ",size=" + disk.group("size") + "G"
                    + disk.group("rest");
        }
        if (value.endsWith(":cloudinit")) {
            String storage = value.substring(0, value.indexOf(':'));
            requireImageStorage(storage);
            return storage + ":vm-" + vmid + "-cloudinit,media=cdrom";
        }
        String volid = value.split(",", 2)[0];
        if (value.contains("media=cdrom") && !volid.equals("none") && !volid.equals("cdrom")
                && cluster.isoImages.values().stream().noneMatch(list -> list.contains(volid))) {
            throw new PveError(500, "volume '" + volid + "' does not exist");
        }
        return value;
    }

    private void requireImageStorage(String storage) {
        Map<String, Object> store = cluster.storages.stream().filter(s -> storage.equals(s.get("storage"))).findFirst()
                .orElseThrow(() -> new PveError(500, "storage '" + storage + "' does not exist"));
        if (!ClusterApi.contentTypes(store).contains("images")) {
            throw new PveError(500, "storage '" + storage + "' does not support vm images");
        }
    }

    private String cloneVm(PveRoute.Call call) {
        FakeVm source = cluster.unlockedVm(call.node(), call.vmid());
        PveParams params = call.params();
        int newid = params.requireInt("newid", PveCluster.FIRST_VMID, MAX_VMID);
        String target = params.get("target").orElse(call.node());
        cluster.requireNode(target);
        String name = params.get("name").orElse("Copy-of-VM-" + source.config.getOrDefault("name", "" + source.vmid));
        requireDnsName("name", name);
        boolean full = params.optionalBool("full").orElse(!source.template());
        String storage = params.get("storage").orElse(null);
        if (storage != null) {
            requireImageStorage(storage);
            if (!full) {
                throw PveError.parameter("storage", "option conflicts with linked clone (full=0)");
            }
        }
        if (cluster.vms.containsKey(newid)) {
            throw new PveError(500, "unable to create VM " + newid + ": config file already exists");
        }
        FakeVm copy = placeholder(target, newid, "clone");
        return cluster.startTask(call.node(), "qmclone", String.valueOf(source.vmid), call.user(), () -> {
            source.config.forEach((key, value) -> copy.config.put(key, source.isDisk(key) || value.contains("cloudinit")
                    ? copiedVolume(value, source.vmid, newid, storage) : value));
            copy.config.remove("template");
            copy.config.put("name", name);
            copy.ciPassword = source.ciPassword;
            copy.lock = null;
        }, () -> cluster.vms.remove(newid));
    }

    /** {@code local-lvm:base-9000-disk-0,size=2G} becomes {@code <storage>:vm-105-disk-0,size=2G}. */
    private static String copiedVolume(String value, int from, int to, String storage) {
        String[] parts = value.split(",", 2);
        String[] volid = parts[0].split(":", 2);
        String name = volid[1].replace("base-" + from + "-", "vm-" + to + "-").replace("vm-" + from + "-", "vm-" + to + "-");
        return (storage == null ? volid[0] : storage) + ":" + name + (parts.length > 1 ? "," + parts[1] : "");
    }

    private Object configure(PveRoute.Call call) {
        FakeVm vm = cluster.unlockedVm(call.node(), call.vmid());
        Map<String, String> settings = checkedConfig(call.params(), false);
        settings.forEach((key, value) -> {
            switch (key) {
                case "cipassword" -> vm.ciPassword = value;
                case "delete" -> List.of(value.split("[,;\\s]+")).forEach(vm.config::remove);
                case "digest" -> {
                    if (!value.equals(vm.visibleConfig().get("digest"))) {
                        throw new PveError(500, "detected modified configuration - file changed by other user? Try again.");
                    }
                }
                default -> vm.config.put(key, value);
            }
        });
        return null;
    }

    private String resize(PveRoute.Call call) {
        FakeVm vm = cluster.unlockedVm(call.node(), call.vmid());
        String disk = call.params().require("disk");
        String size = call.params().require("size");
        if (!vm.isDisk(disk)) {
            throw PveError.parameter("disk", "disk '" + disk + "' does not exist or is no disk");
        }
        Matcher m = SIZE.matcher(size);
        if (!m.matches()) {
            throw PveError.parameter("size", "value does not match the regex pattern");
        }
        long bytes = Long.parseLong(m.group("n"))
                * (long) Math.pow(1024, m.group("unit") == null ? 0 : UNITS.indexOf(m.group("unit")) + 1);
        long current = vm.diskBytes(disk);
        long target = m.group("plus") != null ? current + bytes : bytes;
        if (target < current) {
            throw new PveError(400, "shrinking disks is not supported");
        }
        return cluster.startTask(call.node(), "qmresize", String.valueOf(vm.vmid), call.user(),
                () -> vm.setDiskBytes(disk, target), () -> { });
    }

    private String power(PveRoute.Call call) {
        FakeVm vm = cluster.unlockedVm(call.node(), call.vmid());
        String action = call.group("action");
        if (vm.template() && action.equals("start")) {
            throw new PveError(500, "you can't start a vm if it's a template");
        }
        return cluster.startTask(call.node(), "qm" + action, String.valueOf(vm.vmid), call.user(), () -> {
            switch (action) {
                case "start" -> {
                    if (vm.running()) {
                        throw new FakeTask.Failure("VM " + vm.vmid + " already running");
                    }
                    vm.status = FakeVm.RUNNING;
                    vm.qmpStatus = FakeVm.RUNNING;
                    vm.startedAtSeconds = System.currentTimeMillis() / 1000;
                }
                case "stop", "shutdown" -> {
                    if (!vm.running() && action.equals("shutdown")) {
                        throw new FakeTask.Failure("VM " + vm.vmid + " not running");
                    }
                    vm.status = FakeVm.STOPPED;
                    vm.qmpStatus = FakeVm.STOPPED;
                }
                case "suspend" -> requireRunning(vm).qmpStatus = FakeVm.PAUSED;
                case "resume" -> requireRunning(vm).qmpStatus = FakeVm.RUNNING;
                default -> requireRunning(vm);
            }
        }, () -> { });
    }

    private static FakeVm requireRunning(FakeVm vm) {
        if (!vm.running()) {
            throw new FakeTask.Failure("VM " + vm.vmid + " not running");
        }
        return vm;
    }

    private String destroy(PveRoute.Call call) {
        FakeVm vm = cluster.unlockedVm(call.node(), call.vmid());
        call.params().optionalBool("purge");
        call.params().optionalBool("destroy-unreferenced-disks");
        if (vm.running()) {
            throw new PveError(500, "VM " + vm.vmid + " is running - destroy failed");
        }
        return cluster.startTask(call.node(), "qmdestroy", String.valueOf(vm.vmid), call.user(),
                () -> cluster.vms.remove(vm.vmid), () -> { });
    }

    private FakeVm placeholder(String node, int vmid, String lock) {
        FakeVm vm = new FakeVm(vmid, node);
        vm.lock = lock;
        cluster.vms.put(vmid, vm);
        return vm;
    }

    /** The config parameters, checked as the API schema checks them; every problem reported at once. */
    private static Map<String, String> checkedConfig(PveParams params, boolean creating) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> config = new LinkedHashMap<>();
        params.body().forEach((key, value) -> {
            String problem = problem(key, value, creating);
            if (problem != null) {
                errors.put(key, problem);
            } else if (!CREATE_ONLY_KEYS.contains(key)) {
                config.put(key, value);
            }
        });
        if (!errors.isEmpty()) {
            throw PveError.parameters(errors);
        }
        return config;
    }

    private static String problem(String key, String value, boolean creating) {
        if (!CONFIG_KEYS.contains(key) && !INDEXED_KEY.matcher(key).matches()
                && !(creating && CREATE_ONLY_KEYS.contains(key))) {
            return "property is not defined in schema and the schema does not allow additional properties";
        }
        return switch (key) {
            case "cores", "sockets" -> positiveInteger(value, 1);
            case "memory" -> positiveInteger(value, 16);
            case "onboot", "agent", "start", "force", "numa", "autostart" -> value.matches("[01]") ? null
                    : "type check ('boolean') failed - got '" + value + "'";
            case "sshkeys" -> URLENCODED.matcher(value).matches() ? null : "invalid urlencoded string: " + value;
            case "name" -> DNS_NAME.matcher(value).matches() ? null : "invalid format - value does not look like a valid DNS name";
            default -> key.startsWith("net") && !NIC_MODELS.contains(value.split("[=,]", 2)[0].toLowerCase(Locale.ROOT))
                    ? "invalid format - format error " + key + ".model: value '" + value.split("[=,]", 2)[0]
                            + "' does not have a value in the enumeration"
                    : null;
        };
    }

    private static String positiveInteger(String value, int min) {
        if (!value.matches("\\d+")) {
            return "type check ('integer') failed - got '" + value + "'";
        }
        return Long.parseLong(value) < min ? "value must have a minimum value of " + min : null;
    }

    private static void requireDnsName(String param, String value) {
        if (!DNS_NAME.matcher(value).matches()) {
            throw PveError.parameter(param, "invalid format - value does not look like a valid DNS name");
        }
    }
}
