package org.paymenter.ext.core.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paymenter.ext.core.api.BundleDeployments;
import org.paymenter.ext.core.api.Deployment;
import org.paymenter.ext.core.api.DeploymentException;
import org.paymenter.ext.core.api.DeploymentException.Kind;
import org.paymenter.ext.core.files.AtomicWrite;
import org.paymenter.ext.runtime.deploy.BundleFolder;
import org.paymenter.ext.runtime.deploy.FolderEntry;
import org.paymenter.ext.runtime.deploy.JarCheck;

/**
 * {@link BundleDeployments} over the bundles folder. A jar is checked the way the folder checks it before
 * it is copied (as a temp file, then renamed), so a corrupt upload never lands in the folder.
 */
@Component(service = BundleDeployments.class)
public final class FolderDeployments implements BundleDeployments {

    private final BundleFolder folder;

    @Activate
    public FolderDeployments(@Reference BundleFolder folder) {
        this.folder = folder;
    }

    @Override
    public String symbolicName(Path jar) {
        return verified(jar).symbolicName();
    }

    @Override
    public Deployment install(Path jar) {
        JarIdentity identity = verified(jar);
        List<FolderEntry> existing = entriesOf(identity.symbolicName());
        if (!existing.isEmpty()) {
            throw new DeploymentException(Kind.ALREADY_INSTALLED, identity.symbolicName() + " is already installed ("
                    + files(existing) + ")");
        }
        Path target = folder.directory().resolve(identity.fileName());
        if (Files.exists(target)) {
            throw new DeploymentException(Kind.ALREADY_INSTALLED, target.getFileName()
                    + " already exists in the folder and is not a readable bundle; move it away first");
        }
        copy(jar, target);
        folder.rescan();
        FolderEntry entry = entry(identity.fileName());
        return new Deployment(identity.symbolicName(), null, identity.version().toString(), identity.fileName(), entry,
                "installed " + identity.symbolicName() + " " + identity.version() + " as " + identity.fileName()
                        + ": " + describe(entry));
    }

    @Override
    public Deployment upgrade(Path jar) {
        JarIdentity identity = verified(jar);
        List<FolderEntry> existing = entriesOf(identity.symbolicName());
        if (existing.isEmpty()) {
            throw new DeploymentException(Kind.NOT_INSTALLED, identity.symbolicName() + " is not installed");
        }
        String oldVersion = runningVersion(existing);
        copy(jar, folder.directory().resolve(identity.fileName()));
        for (FolderEntry old : existing) {
            if (!old.file().equals(identity.fileName())) {
                delete(old.file());
            }
        }
        folder.rescan();
        FolderEntry entry = entry(identity.fileName());
        int order = compare(identity.version(), oldVersion);
        String message = order == 0
                ? "replaced " + identity.symbolicName() + " " + oldVersion + " by the same version: " + describe(entry)
                : (order < 0 ? "downgraded " : "upgraded ") + identity.symbolicName() + " from " + oldVersion + " to "
                        + identity.version() + ": " + describe(entry);
        return new Deployment(identity.symbolicName(), oldVersion, identity.version().toString(), identity.fileName(),
                entry, message);
    }

    @Override
    public Deployment uninstall(String symbolicName) {
        List<FolderEntry> existing = requireInstalled(symbolicName);
        existing.forEach(entry -> delete(entry.file()));
        folder.rescan();
        return new Deployment(symbolicName, runningVersion(existing), null, null, null,
                "uninstalled " + symbolicName + " (deleted " + files(existing) + ")");
    }

    @Override
    public Deployment start(String symbolicName) {
        requireInstalled(symbolicName);
        if (!folder.enable(symbolicName)) {
            throw notInstalled(symbolicName);
        }
        FolderEntry entry = runningEntry(symbolicName);
        return new Deployment(symbolicName, entry.version(), entry.version(), entry.file(), entry,
                "started " + symbolicName + ": " + describe(entry));
    }

    @Override
    public Deployment stop(String symbolicName) {
        requireInstalled(symbolicName);
        if (!folder.disable(symbolicName)) {
            throw notInstalled(symbolicName);
        }
        FolderEntry entry = runningEntry(symbolicName);
        return new Deployment(symbolicName, entry.version(), entry.version(), entry.file(), entry,
                "stopped " + symbolicName + "; it stays stopped across restarts until started again (ext:start)");
    }

    /** The manifest says it is a bundle, and the folder's own check agrees it is complete and intact. */
    private JarIdentity verified(Path jar) {
        JarIdentity identity = JarIdentity.read(jar);
        JarCheck check = folder.check(jar);
        if (!check.isBundle()) {
            throw new DeploymentException(Kind.INVALID_JAR, jar.getFileName() + " is not a usable bundle: "
                    + check.problem());
        }
        return identity;
    }

    private List<FolderEntry> requireInstalled(String symbolicName) {
        List<FolderEntry> existing = entriesOf(symbolicName);
        if (existing.isEmpty()) {
            throw notInstalled(symbolicName);
        }
        return existing;
    }

    private DeploymentException notInstalled(String symbolicName) {
        return new DeploymentException(Kind.NOT_INSTALLED, "no bundle " + symbolicName + " is installed from "
                + folder.directory());
    }

    private List<FolderEntry> entriesOf(String bsn) {
        return folder.entries().stream().filter(e -> bsn.equals(e.symbolicName())).toList();
    }

    private FolderEntry entry(String file) {
        return folder.entries().stream().filter(e -> e.file().equals(file)).findFirst().orElse(null);
    }

    private FolderEntry runningEntry(String symbolicName) {
        List<FolderEntry> entries = entriesOf(symbolicName);
        return entries.stream().filter(e -> e.bundleId() >= 0).findFirst().orElse(entries.get(0));
    }

    /** How the folder took a file: {@code ACTIVE (bundle 12)} or {@code FAILED: missing requirement ...}. */
    public static String describe(FolderEntry entry) {
        if (entry == null) {
            return "not picked up by the folder yet";
        }
        String id = entry.bundleId() >= 0 ? " (bundle " + entry.bundleId() + ")" : "";
        return entry.state() + id + (entry.reason().isEmpty() ? "" : ": " + entry.reason());
    }

    private static String runningVersion(List<FolderEntry> existing) {
        return existing.stream().filter(FolderEntry::isRunning).findFirst().or(() -> existing.stream().findFirst())
                .map(FolderEntry::version).orElse(Version.emptyVersion.toString());
    }

    private static int compare(Version next, String old) {
        try {
            return next.compareTo(Version.parseVersion(old));
        } catch (IllegalArgumentException e) {
            return next.toString().compareTo(old);
        }
    }

    private static String files(List<FolderEntry> entries) {
        return String.join(", ", entries.stream().map(FolderEntry::file).toList());
    }

    private static void copy(Path source, Path target) {
        try {
            AtomicWrite.copy(source, target);
        } catch (IOException e) {
            throw new DeploymentException(Kind.STORAGE, "cannot copy " + source.getFileName() + " to " + target + ": "
                    + e.getMessage(), e);
        }
    }

    private void delete(String file) {
        try {
            Files.deleteIfExists(folder.directory().resolve(file));
        } catch (IOException e) {
            throw new DeploymentException(Kind.STORAGE, "cannot delete " + file + " from " + folder.directory() + ": "
                    + e.getMessage(), e);
        }
    }
}
