package org.paymenter.ext.store.outbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who claims outbox rows: the same for a node across restarts (host name and data folder), different for
 * two nodes sharing a database (they differ in one or the other).
 */
public final class NodeId {

    private NodeId() {
    }

    public static String of(Path dataDir) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((host + "\n" + dataDir.toAbsolutePath()).getBytes(StandardCharsets.UTF_8));
            return "node-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
