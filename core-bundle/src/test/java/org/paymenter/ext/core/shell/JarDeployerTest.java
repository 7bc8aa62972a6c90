package org.paymenter.ext.core.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paymenter.ext.api.Category;
import org.paymenter.ext.core.registry.ExtensionTable;
import org.paymenter.ext.core.registry.Registration;
import org.paymenter.ext.core.testing.FakeServer;
import org.paymenter.ext.runtime.deploy.BundleFolder;
import org.paymenter.ext.runtime.deploy.FolderEntry;
import org.paymenter.ext.runtime.deploy.JarCheck;
import org.paymenter.ext.core.deploy.FolderDeployments;
import org.paymenter.ext.runtime.deploy.FolderEntry.State;

class JarDeployerTest {

    @TempDir
    Path folderDir;
    @TempDir
    Path elsewhere;

    private final ExtensionTable registry = new ExtensionTable();

    /** A folder whose every readable jar counts as ACTIVE with a bundle id, like a healthy launcher. */
    private final class FakeFolder implements BundleFolder {
        final Map<String, Long> ids = new HashMap<>();
        int rescans;

        @Override
        public Path directory() {
            return folderDir;
        }

        @Override
        public List<FolderEntry> entries() {
            List<FolderEntry> entries = new ArrayList<>();
            try (Stream<Path> files = Files.list(folderDir)) {
                for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    try (ZipFile zip = new ZipFile(jar.toFile())) {
                        Manifest manifest = new Manifest(zip.getInputStream(zip.getEntry("META-INF/MANIFEST.MF")));
                        Attributes main = manifest.getMainAttributes();
                        long id = ids.computeIfAbsent(jar.getFileName().toString(), f -> 10L + ids.size());
                        entries.add(new FolderEntry(jar.getFileName().toString(), main.getValue("Bundle-SymbolicName"),
                                main.getValue("Bundle-Version"), State.ACTIVE, id, ""));
                    } catch (ZipException e) {
                        entries.add(new FolderEntry(jar.getFileName().toString(), null, null, State.UNREADABLE, -1,
                                "not a zip"));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return entries;
        }

        @Override
        public boolean disable(String symbolicName) {
            return entries().stream().anyMatch(e -> symbolicName.equals(e.symbolicName()));
        }

        @Override
        public boolean enable(String symbolicName) {
            return disable(symbolicName);
        }

        @Override
        public JarCheck check(Path jar) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                return new JarCheck("checked", "0.0.0", "");
            } catch (IOException e) {
                return new JarCheck(null, null, "not a zip");
            }
        }

        @Override
        public void rescan() {
            rescans++;
        }
    }

    private final FakeFolder folder = new FakeFolder();
    private final JarDeployer deployer = new JarDeployer(new FolderDeployments(folder), folder, registry, null);

    private Path jar(String name, String bsn, String version) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (bsn != null) {
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
        }
        if (version != null) {
            manifest.getMainAttributes().putValue("Bundle-Version", version);
        }
        Path jar = elsewhere.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out,
                manifest)) {
            return jar;
        }
    }

    private List<String> folderFiles() throws IOException {
        try (Stream<Path> files = Files.list(folderDir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void installCopiesTheJarUnderItsSymbolicNameAndVersionAndReportsTheOutcome() throws IOException {
        Path jar = jar("build-output.jar", "org.paymenter.ext.proxmox;singleton:=true", "1.2.0");

        String report = deployer.install(jar.toString());

        assertThat(folderFiles()).containsExactly("org.paymenter.ext.proxmox-1.2.0.jar");
        assertThat(report).isEqualTo(
                "installed org.paymenter.ext.proxmox 1.2.0 as org.paymenter.ext.proxmox-1.2.0.jar: ACTIVE (bundle 10)");
        assertThat(folder.rescans).isEqualTo(1);
    }

    @Test
    void installRefusesASymbolicNameThatIsAlreadyInstalled() throws IOException {
        deployer.install(jar("a.jar", "org.x", "1.0.0").toString());

        assertThatThrownBy(() -> deployer.install(jar("b.jar", "org.x", "1.1.0").toString()))
                .isInstanceOf(CommandException.class)
                .hasMessage("org.x is already installed (org.x-1.0.0.jar); use ext:upgrade");
        assertThat(folderFiles()).containsExactly("org.x-1.0.0.jar");
    }

    @Test
    void filesThatAreNotBundlesAreRefusedAndNothingIsCopied() throws IOException {
        Path notZip = Files.writeString(elsewhere.resolve("notes.jar"), "hello");
        Path noBsn = jar("plain.jar", null, "1.0.0");

        assertThatThrownBy(() -> deployer.install(notZip.toString())).isInstanceOf(CommandException.class)
                .hasMessageContaining("is not a jar (zip) file");
        assertThatThrownBy(() -> deployer.install(noBsn.toString())).isInstanceOf(CommandException.class)
                .hasMessageEndingWith("has no Bundle-SymbolicName; it is not a bundle");
        assertThatThrownBy(() -> deployer.install(elsewhere.resolve("missing.jar").toString()))
                .isInstanceOf(CommandException.class).hasMessageStartingWith("no such file: ");
        assertThat(folderFiles()).isEmpty();
        assertThat(folder.rescans).isZero();
    }

    @Test
    void upgradeMovesTheNewJarInAndDeletesTheOldOne() throws IOException {
        deployer.install(jar("a.jar", "org.x", "1.0.0").toString());

        String report = deployer.upgrade(jar("b.jar", "org.x", "1.1.0").toString());

        assertThat(folderFiles()).containsExactly("org.x-1.1.0.jar");
        assertThat(report).startsWith("upgraded org.x from 1.0.0 to 1.1.0: ACTIVE");
    }

    @Test
    void upgradeToALowerVersionIsReportedAsADowngrade() throws IOException {
        deployer.install(jar("a.jar", "org.x", "2.0.0").toString());

        assertThat(deployer.upgrade(jar("b.jar", "org.x", "1.0.0").toString()))
                .startsWith("downgraded org.x from 2.0.0 to 1.0.0");
        assertThat(folderFiles()).containsExactly("org.x-1.0.0.jar");
    }

    @Test
    void upgradeToTheSameVersionReplacesTheJar() throws IOException {
        deployer.install(jar("a.jar", "org.x", "1.0.0").toString());

        assertThat(deployer.upgrade(jar("b.jar", "org.x", "1.0.0").toString()))
                .isEqualTo("replaced org.x 1.0.0 by the same version: ACTIVE (bundle 10)");
        assertThat(folderFiles()).containsExactly("org.x-1.0.0.jar");
    }

    @Test
    void upgradeOfABundleThatIsNotInstalledIsRefused() throws IOException {
        Path jar = jar("a.jar", "org.x", "1.0.0");

        assertThatThrownBy(() -> deployer.upgrade(jar.toString())).isInstanceOf(CommandException.class)
                .hasMessage("org.x is not installed; use ext:install");
        assertThat(folderFiles()).isEmpty();
    }

    @Test
    void uninstallFindsTheBundleByExtensionNameSymbolicNameOrId() throws IOException {
        deployer.install(jar("a.jar", "org.proxmox", "1.0.0").toString());
        deployer.install(jar("b.jar", "org.stripe", "1.0.0").toString());
        deployer.install(jar("c.jar", "org.discord", "1.0.0").toString());
        long stripeId = folder.entries().stream().filter(e -> e.symbolicName().equals("org.stripe")).findFirst()
                .orElseThrow().bundleId();
        registry.add(new Registration(1, Category.SERVERS, new FakeServer("proxmox", "1.0.0"), 10, "org.proxmox",
                "1.0.0", null));

        assertThat(deployer.uninstall("proxmox")).isEqualTo("uninstalled org.proxmox (deleted org.proxmox-1.0.0.jar)");
        assertThat(deployer.uninstall(Long.toString(stripeId))).startsWith("uninstalled org.stripe");
        assertThat(deployer.uninstall("org.discord")).startsWith("uninstalled org.discord");
        assertThat(folderFiles()).isEmpty();
        assertThatThrownBy(() -> deployer.uninstall("org.gone")).isInstanceOf(CommandException.class)
                .hasMessageContaining("'org.gone' is neither an extension, a symbolic name nor a bundle id");
    }
}
