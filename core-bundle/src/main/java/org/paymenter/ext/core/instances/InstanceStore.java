package org.paymenter.ext.core.instances;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.config.ConfigValidator;
import org.paymenter.ext.api.config.FieldError;
import org.paymenter.ext.api.config.ValidationResult;
import org.paymenter.ext.core.api.Instance;
import org.paymenter.ext.core.api.InstanceException;
import org.paymenter.ext.core.api.InstanceException.Kind;
import org.paymenter.ext.core.api.InstanceService;
import org.paymenter.ext.core.api.InstanceValidationException;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The configured instances, kept in memory and in {@code <data>/instances/}. Readers see an immutable
 * snapshot and never wait; changes are serialized, validated against the extension's current schema, written
 * to disk and only then made visible, so a refused or failed change leaves memory and disk as they were.
 */
public final class InstanceStore implements InstanceService {

    private static final System.Logger LOG = System.getLogger(InstanceStore.class.getName());
    private static final String REDACTED = "***";
    private static final Comparator<StoredInstance> ORDER = Comparator.comparing(StoredInstance::category)
            .thenComparing(StoredInstance::extension).thenComparing(StoredInstance::name)
            .thenComparing(StoredInstance::id);

    private final SchemaSource schemas;
    private final Clock clock;
    private final InstanceIds ids;
    private final InstanceFiles files;
    private final SecretCodec secrets;
    private final Object writeLock = new Object();
    private volatile Map<String, StoredInstance> instances;

    /**
     * Loads the instances under {@code dataDir}.
     *
     * @throws IllegalStateException when the data directory cannot be read or the secret key file is broken
     */
    public InstanceStore(Path dataDir, SchemaSource schemas) {
        this(dataDir, schemas, new SecureRandom(), Clock.systemUTC());
    }

    InstanceStore(Path dataDir, SchemaSource schemas, SecureRandom random, Clock clock) {
        this.schemas = Objects.requireNonNull(schemas, "schemas");
        this.clock = clock;
        this.ids = new InstanceIds(random);
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        this.files = new InstanceFiles(dataDir, mapper);
        this.secrets = new SecretCodec(new SecretKeyFile(dataDir.resolve(SecretKeyFile.FILE_NAME), random),
                random, mapper);
        Map<String, StoredInstance> loaded = new HashMap<>();
        try {
            files.loadAll().forEach(instance -> loaded.put(instance.id(), instance));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read instances from " + files.directory() + ": "
                    + e.getMessage(), e);
        }
        this.instances = Collections.unmodifiableMap(loaded);
        LOG.log(Level.INFO, "loaded {0} instance(s) from {1}", loaded.size(), files.directory());
    }

    @Override
    public List<Instance> list() {
        return instances.values().stream().sorted(ORDER).map(StoredInstance::toInstance).toList();
    }

    @Override
    public List<Instance> list(Category category, String extension) {
        return instances.values().stream().filter(i -> i.category() == category && i.extension().equals(extension))
                .sorted(ORDER).map(StoredInstance::toInstance).toList();
    }

    @Override
    public Optional<Instance> get(String id) {
        return Optional.ofNullable(id).map(instances::get).map(StoredInstance::toInstance);
    }

    @Override
    public Optional<Instance> findByName(Category category, String extension, String name) {
        return named(instances, category, extension, name).map(StoredInstance::toInstance);
    }

    @Override
    public Instance create(Category category, String extension, String name, Map<String, Object> config) {
        Objects.requireNonNull(category, "category");
        String path = category.path() + "/" + extension;
        synchronized (writeLock) {
            List<ConfigField> schema = schemaOf(category, extension);
            List<FieldError> errors = new ArrayList<>();
            InstanceNames.check(name).ifPresent(errors::add);
            Map<String, Object> input = config == null ? Map.of() : config;
            ValidationResult result = ConfigValidator.validate(schema, input);
            errors.addAll(redacted(schema, input, result.errors()));
            if (!errors.isEmpty()) {
                throw new InstanceValidationException(path, errors);
            }
            requireFreeName(category, extension, name, null);
            String id = freshId();
            Instant now = clock.instant();
            StoredInstance created = seal(id, category, extension, name, schema, result.values(), now, now);
            save(created);
            LOG.log(Level.INFO, "created instance {0} ({1}) of {2}", name, id, path);
            return created.toInstance();
        }
    }

    @Override
    public Instance update(String id, String newNameOrNull, Map<String, Object> config) {
        synchronized (writeLock) {
            StoredInstance current = require(id);
            String name = newNameOrNull == null ? current.name() : newNameOrNull;
            List<ConfigField> schema = schemaOf(current.category(), current.extension());
            List<FieldError> errors = new ArrayList<>();
            InstanceNames.check(name).ifPresent(errors::add);
            Map<String, Object> input = config == null ? decryptedValues(current) : keepOmittedSecrets(current,
                    schema, config);
            ValidationResult result = ConfigValidator.validate(schema, input);
            errors.addAll(redacted(schema, input, result.errors()));
            if (!errors.isEmpty()) {
                throw new InstanceValidationException(current.extensionPath(), errors);
            }
            requireFreeName(current.category(), current.extension(), name, id);
            StoredInstance updated = seal(id, current.category(), current.extension(), name, schema,
                    result.values(), current.createdAt(), clock.instant());
            save(updated);
            LOG.log(Level.INFO, "updated instance {0} ({1}) of {2}", name, id, current.extensionPath());
            return updated.toInstance();
        }
    }

    @Override
    public boolean delete(String id) {
        synchronized (writeLock) {
            StoredInstance current = id == null ? null : instances.get(id);
            if (current == null) {
                return false;
            }
            try {
                files.delete(id);
            } catch (IOException e) {
                throw new InstanceException(Kind.STORAGE, "cannot delete instance " + id + ": " + e.getMessage(), e);
            }
            Map<String, StoredInstance> next = new HashMap<>(instances);
            next.remove(id);
            instances = Collections.unmodifiableMap(next);
            LOG.log(Level.INFO, "deleted instance {0} ({1}) of {2}", current.name(), id, current.extensionPath());
            return true;
        }
    }

    @Override
    public InstanceConfig config(String id) {
        StoredInstance current = require(id);
        return new InstanceConfig(id, current.name(), decryptedValues(current));
    }

    private List<ConfigField> schemaOf(Category category, String extension) {
        return schemas.schema(category, extension).orElseThrow(() -> new InstanceException(
                Kind.EXTENSION_NOT_RUNNING, "extension " + category.path() + "/" + extension + " is not running"));
    }

    private StoredInstance require(String id) {
        StoredInstance current = id == null ? null : instances.get(id);
        if (current == null) {
            throw new InstanceException(Kind.NOT_FOUND, "no instance with id '" + id + "'");
        }
        return current;
    }

    private static Optional<StoredInstance> named(Map<String, StoredInstance> all, Category category,
            String extension, String name) {
        return all.values().stream().filter(i -> i.category() == category && i.extension().equals(extension)
                && i.name().equals(name)).findFirst();
    }

    private void requireFreeName(Category category, String extension, String name, String exceptId) {
        Optional<StoredInstance> holder = named(instances, category, extension, name)
                .filter(i -> !i.id().equals(exceptId));
        if (holder.isPresent()) {
            throw new InstanceException(Kind.DUPLICATE_NAME, category.path() + "/" + extension
                    + " already has an instance named '" + name + "' (id " + holder.get().id() + ")");
        }
    }

    private String freshId() {
        String id = ids.next();
        while (instances.containsKey(id)) {
            id = ids.next();
        }
        return id;
    }

    /** The update's input: what was sent, plus the stored value of every secret it left out. */
    private Map<String, Object> keepOmittedSecrets(StoredInstance current, List<ConfigField> schema,
            Map<String, Object> config) {
        Map<String, Object> input = new LinkedHashMap<>(config);
        for (ConfigField field : schema) {
            Object sent = input.get(field.name());
            boolean omitted = sent == null || "".equals(sent) || Instance.SECRET_SET.equals(sent);
            if (field.secret() && omitted && current.secrets().containsKey(field.name())) {
                input.put(field.name(), open(current, field.name()));
            }
        }
        return input;
    }

    private Map<String, Object> decryptedValues(StoredInstance current) {
        Map<String, Object> values = new LinkedHashMap<>(current.values());
        current.secrets().keySet().forEach(field -> values.put(field, open(current, field)));
        return values;
    }

    private Object open(StoredInstance instance, String field) {
        try {
            return secrets.open(instance.id(), field, instance.secrets().get(field));
        } catch (GeneralSecurityException e) {
            throw new InstanceException(Kind.STORAGE, "secret field '" + field + "' of instance " + instance.id()
                    + " cannot be decrypted (" + e.getMessage() + "): " + SecretKeyFile.FILE_NAME
                    + " is not the key it was stored with, or the instance file was altered");
        }
    }

    private StoredInstance seal(String id, Category category, String extension, String name,
            List<ConfigField> schema, Map<String, Object> validated, Instant createdAt, Instant updatedAt) {
        Map<String, Object> plain = new LinkedHashMap<>();
        Map<String, String> sealed = new LinkedHashMap<>();
        validated.forEach((field, value) -> {
            if (isSecret(schema, field)) {
                sealed.put(field, secrets.seal(id, field, value));
            } else {
                plain.put(field, value);
            }
        });
        return new StoredInstance(id, category, extension, name, plain, sealed, createdAt, updatedAt);
    }

    private static boolean isSecret(List<ConfigField> schema, String field) {
        return schema.stream().anyMatch(f -> f.name().equals(field) && f.secret());
    }

    private void save(StoredInstance instance) {
        try {
            files.save(instance);
        } catch (IOException e) {
            throw new InstanceException(Kind.STORAGE, "cannot save instance " + instance.id() + " to "
                    + files.directory() + ": " + e.getMessage(), e);
        }
        Map<String, StoredInstance> next = new HashMap<>(instances);
        next.put(instance.id(), instance);
        instances = Collections.unmodifiableMap(next);
    }

    /** A validator message may quote the refused value (a select's choice); never echo a secret's. */
    private static List<FieldError> redacted(List<ConfigField> schema, Map<String, Object> input,
            List<FieldError> errors) {
        return errors.stream().map(error -> {
            Object value = input.get(error.field());
            String text = value == null ? "" : value.toString();
            if (isSecret(schema, error.field()) && !text.isEmpty() && error.message().contains(text)) {
                return new FieldError(error.field(), error.message().replace(text, REDACTED));
            }
            return error;
        }).toList();
    }
}
