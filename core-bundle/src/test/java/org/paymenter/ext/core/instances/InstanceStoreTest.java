package org.paymenter.ext.core.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.config.FieldError;
import org.paymenter.ext.api.config.FieldOption;
import org.paymenter.ext.core.api.Instance;
import org.paymenter.ext.core.api.InstanceException;
import org.paymenter.ext.core.api.InstanceException.Kind;
import org.paymenter.ext.core.api.InstanceValidationException;

class InstanceStoreTest {

    private static final String TOKEN = "s3cr3t-Token-Value";
    private static final List<ConfigField> SCHEMA = List.of(
            ConfigField.text("host").label("Host").required().build(),
            ConfigField.number("port").label("Port").min(1).max(65535).defaultValue(8006).build(),
            ConfigField.password("token").label("API token").required().build(),
            ConfigField.text("node").label("Node").build(),
            ConfigField.select("scheme", FieldOption.of("http"), FieldOption.of("https")).label("Scheme")
                    .defaultValue("https").build());

    @TempDir
    Path data;

    private InstanceStore store() {
        return new InstanceStore(data, (category, extension) -> category == Category.SERVERS
                && extension.equals("proxmox") ? Optional.of(SCHEMA) : Optional.empty());
    }

    private static Map<String, Object> config(Object... keysAndValues) {
        Map<String, Object> config = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    private Instance createEu1(InstanceStore store) {
        return store.create(Category.SERVERS, "proxmox", "eu-1",
                config("host", "pve.example.com", "port", "8007", "token", TOKEN, "node", "pve1"));
    }

    private Path fileOf(Instance instance) {
        return data.resolve("instances").resolve(instance.id() + ".json");
    }

    private String onDisk() throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
            return all.toString();
        }
    }

    private List<String> instanceDirectory() throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("instances"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createdInstanceShowsSecretsAsSetAndHasAShortUrlSafeId() {
        Instance created = createEu1(store());

        assertThat(created.id()).matches("[a-z2-7]{12}");
        assertThat(created.extensionPath()).isEqualTo("servers/proxmox");
        assertThat(created.values()).containsEntry("token", "set").containsEntry("host", "pve.example.com")
                .containsEntry("port", new BigDecimal("8007")).containsEntry("scheme", "https");
        assertThat(created.toString()).doesNotContain(TOKEN);
        assertThat(created.createdAt()).isEqualTo(created.updatedAt());
    }

    @Test
    void secretIsEncryptedOnDiskAndDecryptedByConfig() throws IOException {
        InstanceStore store = store();
        Instance created = createEu1(store);

        assertThat(onDisk()).doesNotContain(TOKEN).contains("enc:v1:");
        InstanceConfig config = store.config(created.id());
        assertThat(config.values()).containsEntry("token", TOKEN).containsEntry("port", new BigDecimal("8007"));
        assertThat(config.name()).isEqualTo("eu-1");
    }

    @Test
    void writesLeaveNoTempFiles() throws IOException {
        InstanceStore store = store();
        Instance created = createEu1(store);
        store.update(created.id(), "eu-2", config("host", "other.example.com"));
        store.create(Category.SERVERS, "proxmox", "us-1", config("host", "us.example.com", "token", "x"));

        assertThat(instanceDirectory()).hasSize(2).allMatch(name -> name.matches("[a-z2-7]{12}\\.json"));
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void updateThatOmitsASecretKeepsItAndClearsOmittedPlainFieldsUnlessTheyHaveADefault() {
        InstanceStore store = store();
        Instance created = createEu1(store);

        Instance updated = store.update(created.id(), null, config("host", "new.example.com"));

        InstanceConfig config = store.config(created.id());
        assertThat(config.values()).containsEntry("token", TOKEN).containsEntry("host", "new.example.com")
                .containsEntry("port", new BigDecimal("8006")).doesNotContainKey("node");
        assertThat(updated.values()).containsEntry("token", "set");
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
    }

    @Test
    void secretSentBackAsSetKeepsItsValueAndANewValueReplacesIt() {
        InstanceStore store = store();
        Instance created = createEu1(store);

        store.update(created.id(), null, new HashMap<>(created.values()));
        assertThat(store.config(created.id()).values()).containsEntry("token", TOKEN);

        store.update(created.id(), null, config("host", "h", "token", "rotated"));
        assertThat(store.config(created.id()).values()).containsEntry("token", "rotated");
    }

    @Test
    void nullConfigOnlyRenames() {
        InstanceStore store = store();
        Instance created = createEu1(store);

        Instance renamed = store.update(created.id(), "eu-west", null);

        assertThat(renamed.name()).isEqualTo("eu-west");
        assertThat(renamed.values()).isEqualTo(created.values());
        assertThat(store.findByName(Category.SERVERS, "proxmox", "eu-west")).isPresent();
        assertThat(store.findByName(Category.SERVERS, "proxmox", "eu-1")).isEmpty();
    }

    @Test
    void everyValidationErrorIsReportedAtOnceAndNothingIsCreated() throws IOException {
        InstanceStore store = store();

        assertThatThrownBy(() -> store.create(Category.SERVERS, "proxmox", " ",
                config("port", "not-a-port", "scheme", "ftp", "colour", "red")))
                .isInstanceOfSatisfying(InstanceValidationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID);
                    assertThat(e.errors()).extracting(FieldError::field)
                            .containsExactlyInAnyOrder("name", "colour", "host", "port", "token", "scheme");
                });
        assertThat(store.list()).isEmpty();
        assertThat(Files.exists(data.resolve("instances"))).isFalse();
    }

    @Test
    void refusedUpdateChangesNothingInMemoryOrOnDisk() throws IOException {
        InstanceStore store = store();
        Instance created = createEu1(store);
        byte[] before = Files.readAllBytes(fileOf(created));

        assertThatThrownBy(() -> store.update(created.id(), null, config("host", "", "port", "0")))
                .isInstanceOfSatisfying(InstanceValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("host", "port"));

        assertThat(Files.readAllBytes(fileOf(created))).isEqualTo(before);
        assertThat(store.get(created.id())).contains(created);
    }

    @Test
    void validationErrorsNeverQuoteASecret() {
        List<ConfigField> schema = List.of(ConfigField.select("key", FieldOption.of("a")).secret().build());
        InstanceStore store = new InstanceStore(data, (category, extension) -> Optional.of(schema));

        assertThatThrownBy(() -> store.create(Category.GATEWAYS, "stripe", "main", config("key", TOKEN)))
                .isInstanceOfSatisfying(InstanceValidationException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain(TOKEN);
                    assertThat(e.errors()).allSatisfy(error -> assertThat(error.message()).doesNotContain(TOKEN));
                });
    }

    @Test
    void duplicateNameForTheSameExtensionIsRefused() {
        InstanceStore store = store();
        Instance created = createEu1(store);

        assertThatThrownBy(() -> createEu1(store)).isInstanceOfSatisfying(InstanceException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.DUPLICATE_NAME);
            assertThat(e.getMessage()).isEqualTo(
                    "servers/proxmox already has an instance named 'eu-1' (id " + created.id() + ")");
        });
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void extensionThatIsNotRunningIsRefusedClearly() {
        assertThatThrownBy(() -> store().create(Category.SERVERS, "virtfusion", "a", config()))
                .isInstanceOfSatisfying(InstanceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.EXTENSION_NOT_RUNNING);
                    assertThat(e.getMessage()).isEqualTo("extension servers/virtfusion is not running");
                });
    }

    @Test
    void deleteRemovesTheInstanceAndItsFile() {
        InstanceStore store = store();
        Instance created = createEu1(store);

        assertThat(store.delete(created.id())).isTrue();
        assertThat(store.delete(created.id())).isFalse();
        assertThat(store.get(created.id())).isEmpty();
        assertThat(fileOf(created)).doesNotExist();
        assertThatThrownBy(() -> store.config(created.id())).isInstanceOfSatisfying(InstanceException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    }

    @Test
    void instancesSurviveARestart() {
        Instance created = createEu1(store());

        InstanceStore restarted = store();

        assertThat(restarted.list()).containsExactly(created);
        assertThat(restarted.config(created.id()).values()).containsEntry("token", TOKEN)
                .containsEntry("port", new BigDecimal("8007"));
    }

    @Test
    void instancesLoadEvenWhenTheirExtensionIsNotRunning() {
        Instance created = createEu1(store());

        InstanceStore withoutExtensions = new InstanceStore(data, (category, extension) -> Optional.empty());

        assertThat(withoutExtensions.get(created.id())).contains(created);
        assertThat(withoutExtensions.config(created.id()).values()).containsEntry("token", TOKEN);
    }

    @Test
    void corruptFileIsSkippedAndTheOthersLoad() throws IOException {
        Instance created = createEu1(store());
        Files.writeString(data.resolve("instances").resolve("aaaaaaaaaaaa.json"), "{ not json");
        Files.writeString(data.resolve("instances").resolve("bbbbbbbbbbbb.json"), "{\"format\": 1}");

        InstanceStore restarted = store();

        assertThat(restarted.list()).containsExactly(created);
    }

    @Test
    void keyFileIsCreatedOwnerOnly() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        createEu1(store());

        Path key = data.resolve("secret.key");
        assertThat(Files.size(key)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void keyFileOfTheWrongLengthIsAClearStartupError() throws IOException {
        Files.write(data.resolve("secret.key"), new byte[16]);

        assertThatThrownBy(this::store).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("secret.key holds 16 bytes, not 32");
    }

    @Test
    void secretEncryptedWithAnotherKeyIsAClearErrorWithoutTheValue() throws IOException {
        Instance created = createEu1(store());
        Files.delete(data.resolve("secret.key"));
        Files.write(data.resolve("secret.key"), new byte[32]);

        assertThatThrownBy(() -> store().config(created.id())).isInstanceOfSatisfying(InstanceException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.STORAGE);
            assertThat(e.getMessage()).contains("token").contains("cannot be decrypted").doesNotContain(TOKEN);
        });
    }
}
