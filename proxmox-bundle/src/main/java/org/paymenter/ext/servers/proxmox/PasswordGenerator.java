package org.paymenter.ext.servers.proxmox;

import java.security.SecureRandom;

/** Cloud-init passwords: letters and digits only, so they survive e-mail templates and copy-paste. */
final class PasswordGenerator {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final SecureRandom random = new SecureRandom();

    String next() {
        StringBuilder password = new StringBuilder(ProxmoxDefaults.PASSWORD_LENGTH);
        for (int i = 0; i < ProxmoxDefaults.PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
