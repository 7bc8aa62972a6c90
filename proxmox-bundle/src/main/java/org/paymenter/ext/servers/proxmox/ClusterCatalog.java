package org.paymenter.ext.servers.proxmox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.paymenter.ext.api.config.FieldOption;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the product form offers, read live from the cluster for one node: nodes, disk storages, VM
 * templates to clone, ISO images to install from, and bridges.
 */
record ClusterCatalog(List<FieldOption> nodes, List<FieldOption> storages, List<FieldOption> templates,
        List<FieldOption> isos, List<FieldOption> bridges) {

    static ClusterCatalog read(ProxmoxClient client, String node) {
        String nodePath = "/nodes/" + ProxmoxClient.segment(node);
        List<FieldOption> nodes = items(client.get("/nodes")).stream()
                .sorted(Comparator.comparing(n -> n.path("node").asText()))
                .map(n -> new FieldOption(n.path("node").asText(), n.path("node").asText() + " ("
                        + n.path("status").asText("unknown") + ")"))
                .toList();
        List<FieldOption> storages = items(client.get(nodePath + "/storage", Map.of("content", "images")))
                .stream().map(s -> FieldOption.of(s.path("storage").asText())).sorted(byValue()).toList();
        List<FieldOption> templates = items(client.get(nodePath + "/qemu")).stream()
                .filter(vm -> vm.path("template").asInt(0) == 1)
                .sorted(Comparator.comparingInt(vm -> vm.path("vmid").asInt()))
                .map(vm -> new FieldOption(vm.path("vmid").asText(), vm.path("name").asText("template") + " ("
                        + vm.path("vmid").asText() + ")"))
                .toList();
        List<FieldOption> isos = new ArrayList<>();
        for (JsonNode storage : items(client.get(nodePath + "/storage", Map.of("content", "iso")))) {
            String contentPath = nodePath + "/storage/" + ProxmoxClient.segment(storage.path("storage").asText())
                    + "/content";
            items(client.get(contentPath, Map.of("content", "iso")))
                    .forEach(iso -> isos.add(FieldOption.of(iso.path("volid").asText())));
        }
        List<FieldOption> bridges = items(client.get(nodePath + "/network", Map.of("type", "any_bridge"))).stream()
                .filter(i -> i.path("active").asInt(0) == 1)
                .map(i -> FieldOption.of(i.path("iface").asText())).sorted(byValue()).toList();
        return new ClusterCatalog(nodes, storages, templates, List.copyOf(isos), bridges);
    }

    private static List<JsonNode> items(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static Comparator<FieldOption> byValue() {
        return Comparator.comparing(FieldOption::value);
    }
}
