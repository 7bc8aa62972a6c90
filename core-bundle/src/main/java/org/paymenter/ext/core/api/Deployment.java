package org.paymenter.ext.core.api;

import org.paymenter.ext.runtime.deploy.FolderEntry;

/**
 * What a deployment did.
 *
 * @param symbolicName    the bundle
 * @param previousVersion the version that ran before, or null when none did
 * @param version         the version the folder now has, or null after an uninstall
 * @param file            the jar's file name in the folder, or null after an uninstall
 * @param entry           what the folder made of it after the rescan (active, failed and why), or null
 *                        after an uninstall
 * @param message         one sentence for the operator
 */
public record Deployment(String symbolicName, String previousVersion, String version, String file, FolderEntry entry,
        String message) {
}
