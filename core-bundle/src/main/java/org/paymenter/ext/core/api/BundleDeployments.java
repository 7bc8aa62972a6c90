package org.paymenter.ext.core.api;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Installs, upgrades and removes bundles the one way the runtime has: by renaming jars into the bundles
 * folder (a temp file first, so the watcher never sees half a jar) or deleting them, then rescanning and
 * reporting what became of them. The shell and the HTTP API both go through here.
 */
@ProviderType
public interface BundleDeployments {

    /**
     * The Bundle-SymbolicName of a jar, read before anything is copied.
     *
     * @throws DeploymentException {@link DeploymentException.Kind#INVALID_JAR} when it is not a readable bundle
     */
    String symbolicName(Path jar);

    /**
     * Puts a jar whose symbolic name is not in the folder yet into it, as {@code <bsn>-<version>.jar}.
     *
     * @throws DeploymentException INVALID_JAR, ALREADY_INSTALLED (use {@link #upgrade}) or STORAGE
     */
    Deployment install(Path jar);

    /**
     * Replaces the folder's jar(s) of the same symbolic name by this one; a lower version is a downgrade.
     *
     * @throws DeploymentException INVALID_JAR, NOT_INSTALLED (use {@link #install}) or STORAGE
     */
    Deployment upgrade(Path jar);

    /** Deletes the folder's jar(s) of {@code symbolicName}; the bundle is uninstalled. */
    Deployment uninstall(String symbolicName);

    /** Starts a bundle stopped with {@link #stop}; remembered across restarts. */
    Deployment start(String symbolicName);

    /** Stops a bundle and keeps it stopped across restarts; its jar stays in the folder. */
    Deployment stop(String symbolicName);
}
