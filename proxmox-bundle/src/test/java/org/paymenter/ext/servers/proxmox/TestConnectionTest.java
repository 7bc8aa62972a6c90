package org.paymenter.ext.servers.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.server.TestResult;
import org.paymenter.ext.testkit.fakes.proxmox.FakeProxmox;

class TestConnectionTest {

    private final ProxmoxServer extension = new ProxmoxServer();

    @Test
    void reachableClusterWithAValidTokenAndAnOnlineNodePasses() {
        try (FakeProxmox pve = FakeProxmox.start()) {
            TestResult result = extension.testConnection(Fixtures.config(pve));

            assertThat(result.ok()).as(result.message()).isTrue();
            assertThat(result.message()).contains("accepts token " + FakeProxmox.TOKEN_ID, "node pve1 is online");
            // /nodes is the one call every Proxmox VE answers (spec §2.1.2's test); /version is not needed
            assertThat(pve.requests()).singleElement().satisfies(r -> assertThat(r.call()).isEqualTo("GET /nodes"));
        }
    }

    @Test
    void wrongTokenSecretFailsWithTheRemote401() {
        try (FakeProxmox pve = FakeProxmox.start()) {
            TestResult result = extension.testConnection(Fixtures.config(pve,
                    Map.of("token_secret", "00000000-0000-0000-0000-000000000000")));

            assertThat(result.ok()).isFalse();
            assertThat(result.message()).contains("401", "GET /nodes", "authentication failure", "token");
            assertThat(pve.requests()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(401));
        }
    }

    @Test
    void aHostWithThePortInItFailsTheTestWithASentence() {
        try (FakeProxmox pve = FakeProxmox.start()) {
            TestResult result = extension.testConnection(Fixtures.config(pve, Map.of("host", "pve.example.com:8006")));

            assertThat(result.ok()).isFalse();
            assertThat(result.message()).contains("'pve.example.com:8006' includes a port");
            assertThat(pve.requests()).isEmpty();
        }
    }

    @Test
    void nodeMissingFromTheClusterFailsAndListsTheNodes() {
        try (FakeProxmox pve = FakeProxmox.start()) {
            TestResult result = extension.testConnection(Fixtures.config(pve, Map.of("node", "pve7")));

            assertThat(result.ok()).isFalse();
            assertThat(result.message()).contains("no node 'pve7'", "pve1, pve2");
        }
    }

    @Test
    void nobodyListeningFailsWithCannotConnect() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (FakeProxmox pve = FakeProxmox.start()) {
            TestResult result = extension.testConnection(Fixtures.config(pve, Map.of("port", closedPort)));

            assertThat(result.ok()).isFalse();
            assertThat(result.message()).contains("cannot connect to Proxmox VE at http://127.0.0.1:" + closedPort);
        }
    }

    @Test
    void selfSignedCertificateIsRefusedWhileVerificationIsOn() {
        try (FakeProxmox pve = FakeProxmox.startHttps()) {
            TestResult result = extension.testConnection(Fixtures.config(pve));

            assertThat(result.ok()).isFalse();
            assertThat(result.message()).contains("TLS with Proxmox VE at https://", "Verify TLS certificate");
            assertThat(pve.requests()).isEmpty();
        }
    }

    @Test
    void selfSignedCertificateIsAcceptedWhenVerificationIsSwitchedOff() {
        try (FakeProxmox pve = FakeProxmox.startHttps()) {
            TestResult result = extension.testConnection(Fixtures.config(pve, Map.of("verify_tls", false)));

            assertThat(result.ok()).as(result.message()).isTrue();
        }
    }
}
