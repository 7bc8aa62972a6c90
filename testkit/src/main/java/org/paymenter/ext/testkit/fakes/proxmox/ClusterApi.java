package org.paymenter.ext.testkit.fakes.proxmox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster-wide and node-level endpoints: version, nodes, next free VMID, storages and their content,
 * network interfaces, and task status.
 */
final class ClusterApi {

    static final String NODE = "(?<node>[^/]+)";
    static final String VERSION = "8.4.1";
    private static final long TIB = 1L << 40;

    private final PveCluster cluster;

    ClusterApi(PveCluster cluster) {
        this.cluster = cluster;
    }

    List<PveRoute> routes() {
        return List.of(
                PveRoute.of("GET", "/version", c -> Map.of("version", VERSION, "release", "8.4", "repoid", "2a5fa54a8503f96d")),
                PveRoute.of("GET", "/nodes", c -> nodes()),
                PveRoute.of("GET", "/cluster/nextid", this::nextId),
                PveRoute.of("GET", "/nodes/" + NODE + "/storage", this::storages),
                PveRoute.of("GET", "/nodes/" + NODE + "/storage/(?<storage>[^/]+)/content", this::content),
                PveRoute.of("GET", "/nodes/" + NODE + "/network", this::network),
                PveRoute.of("GET", "/nodes/" + NODE + "/tasks/(?<upid>[^/]+)/status", this::task));
    }

    /** With {@code vmid}: that id if it is free, else a parameter error, as the real endpoint answers. */
    private String nextId(PveRoute.Call call) {
        Optional<String> asked = call.params().get("vmid");
        if (asked.isEmpty()) {
            return String.valueOf(cluster.nextId());
        }
        int vmid;
        try {
            vmid = Integer.parseInt(asked.get());
        } catch (NumberFormatException e) {
            throw PveError.parameters(Map.of("vmid", "type check ('integer') failed - got '" + asked.get() + "'"));
        }
        if (cluster.vms.containsKey(vmid)) {
            throw PveError.parameters(Map.of("vmid", "VM " + vmid + " already exists"));
        }
        return String.valueOf(vmid);
    }

    private List<Map<String, Object>> nodes() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String node : cluster.nodes) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("node", node);
            n.put("status", "online");
            n.put("type", "node");
            n.put("id", "node/" + node);
            n.put("cpu", 0.03);
            n.put("maxcpu", 32);
            n.put("mem", 12L << 30);
            n.put("maxmem", 128L << 30);
            n.put("disk", 9L << 30);
            n.put("maxdisk", 100L << 30);
            n.put("uptime", 86_400);
            n.put("level", "");
            list.add(n);
        }
        return list;
    }

    /** {@code content=images} lists only storages that hold that content type, as the real filter does. */
    private List<Map<String, Object>> storages(PveRoute.Call call) {
        cluster.requireNode(call.node());
        String wanted = call.params().get("content").orElse(null);
        return cluster.storages.stream()
                .filter(s -> wanted == null || contentTypes(s).contains(wanted))
                .toList();
    }

    private List<Map<String, Object>> content(PveRoute.Call call) {
        cluster.requireNode(call.node());
        String storage = call.group("storage");
        Map<String, Object> store = cluster.storages.stream().filter(s -> storage.equals(s.get("storage"))).findFirst()
                .orElseThrow(() -> new PveError(500, "storage '" + storage + "' does not exist"));
        String wanted = call.params().get("content").orElse(null);
        List<Map<String, Object>> volumes = new ArrayList<>();
        if (contentTypes(store).contains("iso") && (wanted == null || wanted.equals("iso"))) {
            cluster.isoImages.getOrDefault(storage, List.of()).forEach(volid -> volumes.add(volume(volid, "iso", "iso",
                    700L << 20, null)));
        }
        if (contentTypes(store).contains("images") && (wanted == null || wanted.equals("images"))) {
            for (FakeVm vm : cluster.vms.values()) {
                if (!vm.node.equals(call.node())) {
                    continue;
                }
                vm.config.forEach((key, value) -> {
                    if (vm.isDisk(key) && value.startsWith(storage + ":")) {
                        volumes.add(volume(value.split(",", 2)[0], "images", "raw", vm.diskBytes(key), vm.vmid));
                    }
                });
            }
        }
        return volumes;
    }

    private static Map<String, Object> volume(String volid, String content, String format, long size, Integer vmid) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("volid", volid);
        v.put("content", content);
        v.put("format", format);
        v.put("size", size);
        v.put("ctime", 1_722_000_000);
        if (vmid != null) {
            v.put("vmid", vmid);
        }
        return v;
    }

    /** {@code type=any_bridge} matches Linux and OVS bridges, as on a real node. */
    private List<Map<String, Object>> network(PveRoute.Call call) {
        cluster.requireNode(call.node());
        String type = call.params().get("type").orElse(null);
        return cluster.networks.stream().filter(i -> type == null || type.equals(i.get("type"))
                || ("any_bridge".equals(type) && List.of("bridge", "OVSBridge").contains(i.get("type")))).toList();
    }

    private Map<String, Object> task(PveRoute.Call call) {
        cluster.requireNode(call.node());
        return cluster.task(call.group("upid")).orElseThrow(() -> new PveError(500, "unable to parse worker upid '"
                + call.group("upid") + "'")).poll();
    }

    static List<String> contentTypes(Map<String, Object> storage) {
        return Arrays.asList(String.valueOf(storage.get("content")).split(","));
    }

    /** A storage entry of {@code GET /nodes/{node}/storage}. */
    static Map<String, Object> storage(String name, String type, String content) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("storage", name);
        s.put("type", type);
        s.put("content", content);
        s.put("active", 1);
        s.put("enabled", 1);
        s.put("shared", 0);
        s.put("total", TIB);
        s.put("used", TIB / 10);
        s.put("avail", TIB - TIB / 10);
        s.put("used_fraction", 0.1);
        return s;
    }

    /** An entry of {@code GET /nodes/{node}/network}. */
    static Map<String, Object> iface(String name, String type, boolean active) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("iface", name);
        i.put("type", type);
        i.put("method", "manual");
        i.put("families", List.of("inet"));
        i.put("autostart", 1);
        if (active) {
            i.put("active", 1);
        }
        if (type.equals("bridge")) {
            i.put("bridge_ports", "eno1");
            i.put("bridge_stp", "off");
            i.put("bridge_fd", "0");
        }
        return i;
    }
}
