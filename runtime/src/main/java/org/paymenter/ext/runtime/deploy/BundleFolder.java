package org.paymenter.ext.runtime.deploy;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The watched bundles folder, registered as a service by the launcher. The folder is the truth about
 * what is installed: to install, upgrade or remove a bundle, put a jar into {@link #directory()} (by
 * writing a temp file and renaming it) or delete it; this service only reports and enables/disables.
 */
@ProviderType
public interface BundleFolder {

    Path directory();

    /** Every jar in the folder and what became of it, sorted by file name. */
    List<FolderEntry> entries();

    /**
     * Stops the bundle and keeps it stopped, across restarts, until {@link #enable} (the file stays).
     *
     * @return false when no bundle of that symbolic name is installed from the folder
     */
    boolean disable(String symbolicName);

    /** Undoes {@link #disable} and starts the bundle. */
    boolean enable(String symbolicName);

    /** Checks a jar (anywhere) the way the folder would, without installing it. */
    JarCheck check(Path jar);

    /** Rescans the folder now and returns once the changes it found are applied. */
    void rescan();
}
