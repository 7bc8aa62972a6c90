package org.paymenter.ext.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who an extension is. {@code name} is the lowercase identifier used in URLs and instance files
 * ({@code proxmox}, {@code paypalipn}); the other fields are what an admin sees.
 *
 * @param name        lowercase identifier, letters and digits only
 * @param displayName human name ("Proxmox VE")
 * @param description one sentence on what it does
 * @param version     the extension's own version, as shown to admins
 * @param author      who maintains it
 * @param url         project or documentation page, may be empty
 * @param icon        image URI (often {@code data:image/svg+xml;base64,...}), may be empty
 */
public record ExtensionMetadata(String name, String displayName, String description, String version,
        String author, String url, String icon) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*");

    public ExtensionMetadata {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "extension name '" + name + "' must be lowercase letters and digits, starting with a letter");
        }
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
        description = Objects.requireNonNullElse(description, "");
        version = Objects.requireNonNullElse(version, "0.0.0");
        author = Objects.requireNonNullElse(author, "");
        url = Objects.requireNonNullElse(url, "");
        icon = Objects.requireNonNullElse(icon, "");
    }

    /** Metadata with only the required parts; url and icon empty. */
    public static ExtensionMetadata of(String name, String displayName, String description, String version,
            String author) {
        return new ExtensionMetadata(name, displayName, description, version, author, "", "");
    }
}
