package org.paymenter.ext.runtimetest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paymenter.ext.runtimetest.http.Problems.detail;
import static org.paymenter.ext.testkit.AdminApi.EXTENSIONS;
import static org.paymenter.ext.testkit.AdminApi.extension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.AdminApi.Response;
import org.paymenter.ext.testkit.BrokenJars;
import org.paymenter.ext.testkit.Poll;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.RuntimeHarness;
import org.paymenter.ext.testkit.Samples;
import org.paymenter.ext.testkit.TestBundle;
import org.paymenter.ext.testkit.samples.server.SampleServer;

import com.fasterxml.jackson.databind.JsonNode;

/** Install, upgrade, uninstall, stop and start through the API; the bundles folder stays the truth. */
class ExtensionLifecycleApiTest {

    private static final String SERVER = extension("servers", SampleServer.NAME);

    /** Far above the sample jars (a few KB), far below the default 50 MiB, to test the limit cheaply. */
    private static final int UPLOAD_LIMIT = 1024 * 1024;

    /** Framework properties fall back to system properties, so this sets the HTTP bundle's upload limit. */
    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension()
            .withSystemProperty("paymenter.http.max.upload.bytes", Integer.toString(UPLOAD_LIMIT));

    private static AdminApi api;
    private static Path v1;
    private static Path v2;

    private final RuntimeHarness rt = RUNTIME.harness();

    @BeforeAll
    static void buildJars() {
        RuntimeHarness rt = RUNTIME.harness();
        api = AdminApi.of(rt);
        v1 = Samples.server().build(rt.scratchDir());
        v2 = Samples.server().version("1.1.0").build(rt.scratchDir());
    }

    @AfterEach
    void emptyTheFolder() {
        rt.removeAll();
        api.awaitNoExtension("servers", SampleServer.NAME);
    }

    @Test
    void uploadedJarIsInstalledIntoTheFolderAndBecomesActive() {
        Response r = api.postJar(EXTENSIONS, v1).expect(201);

        JsonNode d = r.json();
        assertThat(d.path("symbolicName").asText()).isEqualTo(Samples.SERVER_BSN);
        assertThat(d.path("version").asText()).isEqualTo("1.0.0");
        assertThat(d.path("state").asText()).isEqualTo("active");
        assertThat(d.path("bundleId").asLong()).isEqualTo(rt.bundle(Samples.SERVER_BSN).orElseThrow().getBundleId());
        assertThat(d.path("message").asText()).contains("installed");
        assertThat(folder()).containsExactly(d.path("file").asText());
        assertThat(api.awaitExtension("servers", SampleServer.NAME).path("version").asText()).isEqualTo("1.0.0");
    }

    @Test
    void corruptJarIs400AndNothingLandsInTheFolder() throws IOException {
        Path scratch = rt.scratchDir();
        List<Path> broken = List.of(BrokenJars.randomBytes(scratch.resolve("noise.jar"), 4096),
                BrokenJars.truncated(v1, scratch.resolve("half.jar")),
                BrokenJars.zipWithoutManifest(scratch.resolve("plain.jar")),
                BrokenJars.corruptClassEntry(v1, scratch.resolve("damaged.jar")));

        for (Path jar : broken) {
            assertThat(detail(api.postJar(EXTENSIONS, jar), 400)).as("%s", jar.getFileName()).isNotBlank();
        }
        assertThat(detail(api.send("POST", EXTENSIONS, AdminApi.JAR, new byte[0]), 400)).contains("jar");

        assertThat(folder()).isEmpty();
        assertThat(filesUnder(rt.dataDir().resolve("uploads"))).as("temp files left by the uploads").isEmpty();
        assertThat(api.get(EXTENSIONS).expect(200).json().path("items")).isEmpty();
    }

    @Test
    void jarOverTheUploadLimitIs413AndNothingLandsInTheFolder() {
        Path big = TestBundle.named("test.sample.big").withPackage(SampleServer.class).padding(UPLOAD_LIMIT + 1)
                .build(rt.scratchDir());

        assertThat(detail(api.postJar(EXTENSIONS, big), 413)).contains(Integer.toString(UPLOAD_LIMIT));

        assertThat(folder()).isEmpty();
        assertThat(rt.bundle("test.sample.big")).isEmpty();
    }

    @Test
    void installingWhatIsAlreadyInstalledIs409() {
        api.install(v1);

        assertThat(detail(api.postJar(EXTENSIONS, v1), 409)).contains(Samples.SERVER_BSN);
        // A higher version is still the same extension: that is an upgrade (PUT), not an install.
        assertThat(detail(api.postJar(EXTENSIONS, v2), 409)).contains(Samples.SERVER_BSN);
        assertThat(folder()).containsExactly(v1.getFileName().toString());
    }

    @Test
    void upgradeToAHigherVersionKeepsTheBundle() {
        long bundleId = api.install(v1).json().path("bundleId").asLong();
        api.awaitExtension("servers", SampleServer.NAME);

        JsonNode d = api.putJar(SERVER, v2).expect(200).json();

        assertThat(d.path("previousVersion").asText()).isEqualTo("1.0.0");
        assertThat(d.path("version").asText()).isEqualTo("1.1.0");
        assertThat(d.path("state").asText()).isEqualTo("active");
        assertThat(d.path("bundleId").asLong()).as("bundle id after the upgrade").isEqualTo(bundleId);
        assertThat(folder()).containsExactly(v2.getFileName().toString());
        assertThat(awaitVersion("1.1.0").path("bundle").path("id").asLong()).isEqualTo(bundleId);
    }

    @Test
    void upgradeWithAJarOfAnotherSymbolicNameIs422AndChangesNothing() {
        api.install(v1);
        api.awaitExtension("servers", SampleServer.NAME);
        Path gateway = Samples.gateway().version("9.0.0").build(rt.scratchDir());

        assertThat(detail(api.putJar(SERVER, gateway), 422)).contains(Samples.GATEWAY_BSN).contains(Samples.SERVER_BSN);

        assertThat(folder()).containsExactly(v1.getFileName().toString());
        assertThat(api.get(EXTENSIONS + "/gateways").expect(200).json().path("items")).isEmpty();
        assertThat(api.awaitExtension("servers", SampleServer.NAME).path("version").asText()).isEqualTo("1.0.0");
    }

    @Test
    void upgradeOrRemovalOfAnExtensionThatDoesNotRunIs404() {
        assertThat(detail(api.putJar(SERVER, v2), 404)).contains(SampleServer.NAME);
        assertThat(detail(api.delete(SERVER), 404)).contains(SampleServer.NAME);
        assertThat(detail(api.post(SERVER + "/stop"), 404)).contains(SampleServer.NAME);
        assertThat(folder()).isEmpty();
    }

    @Test
    void deleteUninstallsAndRemovesTheJar() {
        api.install(v1);
        api.awaitExtension("servers", SampleServer.NAME);

        JsonNode d = api.delete(SERVER).expect(200).json();

        assertThat(d.path("state").asText()).isEqualTo("removed");
        assertThat(d.path("symbolicName").asText()).isEqualTo(Samples.SERVER_BSN);
        assertThat(folder()).isEmpty();
        // Gone when the answer comes: the API's deletion does not wait out the folder's pairing grace.
        assertThat(rt.bundle(Samples.SERVER_BSN)).isEmpty();
        api.awaitNoExtension("servers", SampleServer.NAME);
        assertThat(detail(api.delete(SERVER), 404)).contains(SampleServer.NAME);
    }

    @Test
    void stopDisablesTheExtensionAndKeepsItsJar() {
        api.install(v1);
        api.awaitExtension("servers", SampleServer.NAME);

        JsonNode d = api.post(SERVER + "/stop").expect(200).json();

        assertThat(d.path("state").asText()).isEqualTo("stopped");
        api.awaitNoExtension("servers", SampleServer.NAME);
        assertThat(folder()).containsExactly(v1.getFileName().toString());
        assertThat(rt.bundle(Samples.SERVER_BSN)).isPresent();
    }

    @Test
    void startEnablesAStoppedExtensionAgain() {
        installThenStop();

        JsonNode d = api.post(SERVER + "/start").expect(200).json();

        assertThat(d.path("state").asText()).isEqualTo("active");
        api.awaitExtension("servers", SampleServer.NAME);
    }

    @Test
    void aStoppedExtensionCanBeUpgradedByItsName() {
        installThenStop();

        JsonNode d = api.putJar(SERVER, v2).expect(200).json();

        assertThat(d.path("previousVersion").asText()).isEqualTo("1.0.0");
        assertThat(d.path("version").asText()).isEqualTo("1.1.0");
        assertThat(folder()).containsExactly(v2.getFileName().toString());
    }

    /** Version 1.0.0 of the sample server, installed and then stopped through the API. */
    private static void installThenStop() {
        api.install(v1);
        api.awaitExtension("servers", SampleServer.NAME);
        api.post(SERVER + "/stop").expect(200);
        api.awaitNoExtension("servers", SampleServer.NAME);
    }

    private static final int CHANGE_ROUNDS = 3;
    private static final int MIN_LISTINGS_DURING_CHANGES = 10;

    @Test
    void listingNeverFailsWhileAnExtensionIsInstalledUpgradedAndRemoved() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger calls = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> lister = CompletableFuture.runAsync(() -> {
            while (!done.get()) {
                try {
                    Response r = api.get(EXTENSIONS);
                    if (r.status() != 200 || !r.json().path("items").isArray()) {
                        failures.add(r.toString());
                    }
                } catch (RuntimeException | AssertionError e) {
                    failures.add(e.toString());
                }
                calls.incrementAndGet();
            }
        });

        int before;
        int during;
        try {
            Poll.untilTrue("the lister's first answer", Poll.DEFAULT_TIMEOUT, () -> calls.get() > 0, calls::toString);
            before = calls.get();
            for (int round = 0; round < CHANGE_ROUNDS; round++) {
                api.install(v1);
                api.awaitExtension("servers", SampleServer.NAME);
                api.putJar(SERVER, v2).expect(200);
                awaitVersion("1.1.0");
                api.delete(SERVER).expect(200);
                api.awaitNoExtension("servers", SampleServer.NAME);
            }
        } finally {
            during = calls.get();
            done.set(true);
            lister.get();
        }

        assertThat(failures).as("failed GET /extensions among %d", calls.get()).isEmpty();
        // Not a speed check: only that the listings overlapped the changes (about 17 per round here).
        assertThat(during - before).as("listings answered while the extension changed").isGreaterThanOrEqualTo(
                MIN_LISTINGS_DURING_CHANGES);
    }

    /** Waits until the listing shows the sample server at {@code version}; returns its item. */
    private static JsonNode awaitVersion(String version) {
        return Poll.until("sampleserver " + version + " in the listing",
                Poll.DEFAULT_TIMEOUT, () -> {
                    for (JsonNode item : api.get(EXTENSIONS + "/servers").expect(200).json().path("items")) {
                        if (item.path("version").asText().equals(version)) {
                            return Optional.of(item);
                        }
                    }
                    return Optional.empty();
                }, () -> api.get(EXTENSIONS + "/servers").body());
    }

    /** The names of the files in the bundles folder, hidden temp files included. */
    private List<String> folder() {
        return filesUnder(rt.bundlesDir()).stream().map(p -> p.getFileName().toString()).toList();
    }

    private static List<Path> filesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
