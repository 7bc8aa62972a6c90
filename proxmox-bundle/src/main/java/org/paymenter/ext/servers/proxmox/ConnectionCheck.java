package org.paymenter.ext.servers.proxmox;

import java.util.ArrayList;
import java.util.List;

import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.server.TestResult;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * "Test connection": the node list proves the node answers and accepts the token (a bad token is a 401
 * there), and that the default node exists and is online.
 */
final class ConnectionCheck {

    private final ProxmoxClient client;

    ConnectionCheck(ProxmoxClient client) {
        this.client = client;
    }

    TestResult run() {
        Connection connection = client.connection();
        try {
            JsonNode nodes = client.get("/nodes");
            String prefix = "Proxmox VE at " + connection.base() + " accepts token " + connection.tokenId();
            List<String> names = new ArrayList<>();
            for (JsonNode node : nodes) {
                String name = node.path("node").asText();
                names.add(name);
                if (name.equals(connection.defaultNode())) {
                    String status = node.path("status").asText("unknown");
                    return "online".equals(status) ? TestResult.ok(prefix + "; node " + name + " is online")
                            : TestResult.failed(prefix + ", but node " + name + " is " + status);
                }
            }
            return TestResult.failed(prefix + ", but has no node '" + connection.defaultNode() + "' (nodes: "
                    + String.join(", ", names) + ")");
        } catch (ExtensionException e) {
            return TestResult.failed(e.getMessage());
        }
    }
}
