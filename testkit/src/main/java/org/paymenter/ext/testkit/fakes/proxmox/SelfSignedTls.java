package org.paymenter.ext.testkit.fakes.proxmox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A server TLS context with a fresh self-signed certificate, as a Proxmox VE node has out of the box. The
 * key pair comes from the JDK's own keytool, run once per fake, so no test depends on a checked-in key.
 */
final class SelfSignedTls {

    private static final char[] PASSWORD = "fake-proxmox".toCharArray();
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private SelfSignedTls() {
    }

    static SSLContext create(String commonName) throws IOException {
        Path dir = Files.createTempDirectory("fake-proxmox-tls");
        Path keystore = dir.resolve("node.p12");
        try {
            runKeytool(List.of("-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=" + commonName + ",O=Proxmox Virtual Environment", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, PASSWORD);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the generated key pair: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(keystore);
            Files.deleteIfExists(dir);
        }
    }

    private static void runKeytool(List<String> args) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool generated a key pair", e);
        }
    }
}
