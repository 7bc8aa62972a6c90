package org.paymenter.ext.servers.proxmox;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.config.FieldOption;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the product form offers, read live from the cluster for one node: nodes, disk storages, VM
 * templates to clone, ISO images to install from, and bridges. The node list must answer (it is where a
 * wrong token or an unreachable cluster shows); any other list that cannot be read (a storage offline, a
 * call the node refuses) is left empty, so one bad storage does not take the whole form down.
 */
record ClusterCatalog(List<FieldOption> nodes, List<FieldOption> storages, List<FieldOption> templates,
        List<FieldOption> isos, List<FieldOption> bridges) {

    private static final System.Logger LOG = System.getLogger(ClusterCatalog.class.getName());
    /** Only storages that are switched on, as the product can only use those. */
    private static final Map<String, String> ENABLED = Map.of("enabled", "1");

    static ClusterCatalog read(ProxmoxClient client, String node) {
        String nodePath = "/nodes/" + ProxmoxClient.segment(node);
        List<FieldOption> nodes = items(client.get("/nodes")).stream()
                .sorted(Comparator.comparing(n -> n.path("node").asText()))
                .map(n -> new FieldOption(n.path("node").asText(), n.path("node").asText() + " ("
                        + n.path("status").asText("unknown") + ")"))
                .toList();
        List<FieldOption> storages = optional("disk storages of " + node, () -> items(client.get(nodePath + "/storage",
                withEnabled("images"))).stream().filter(ClusterCatalog::isActive)
                .map(s -> FieldOption.of(s.path("storage").asText())).sorted(byValue()).toList());
        List<FieldOption> templates = optional("VM templates of " + node, () -> items(client.get(nodePath + "/qemu"))
                .stream().filter(vm -> vm.path("template").asInt(0) == 1)
                .sorted(Comparator.comparingInt(vm -> vm.path("vmid").asInt()))
                .map(vm -> new FieldOption(vm.path("vmid").asText(), vm.path("name").asText("template") + " ("
                        + vm.path("vmid").asText() + ")"))
                .toList());
        List<FieldOption> isos = new ArrayList<>();
        for (JsonNode storage : optional("ISO storages of " + node, () -> items(client.get(nodePath + "/storage",
                withEnabled("iso"))))) {
            if (!isActive(storage)) {
                continue;
            }
            String name = storage.path("storage").asText();
            String contentPath = nodePath + "/storage/" + ProxmoxClient.segment(name) + "/content";
            isos.addAll(optional("ISO images on " + name, () -> items(client.get(contentPath, Map.of("content", "iso")))
                    .stream().map(iso -> FieldOption.of(iso.path("volid").asText())).toList()));
        }
        List<FieldOption> bridges = optional("bridges of " + node, () -> items(client.get(nodePath + "/network",
                Map.of("type", "any_bridge"))).stream()
                .filter(i -> i.path("active").asInt(0) == 1)
                .map(i -> FieldOption.of(i.path("iface").asText())).sorted(byValue()).toList());
        return new ClusterCatalog(nodes, storages, templates, List.copyOf(isos), bridges);
    }

    private static <T> List<T> optional(String what, Supplier<List<T>> read) {
        try {
            return read.get();
        } catch (ExtensionException e) {
            LOG.log(Level.WARNING, "the product form lists no {0}: {1}", what, e.getMessage());
            return List.of();
        }
    }

    private static Map<String, String> withEnabled(String content) {
        Map<String, String> query = new java.util.LinkedHashMap<>(ENABLED);
        query.put("content", content);
        return query;
    }

    /** A storage reports {@code active: 0} when it is offline (an unreachable NFS share); absent means active. */
    private static boolean isActive(JsonNode storage) {
        return storage.path("active").asInt(1) == 1;
    }

    private static List<JsonNode> items(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static Comparator<FieldOption> byValue() {
        return Comparator.comparing(FieldOption::value);
    }
}
