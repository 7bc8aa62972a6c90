package org.paymenter.ext.core.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.InstanceConfig;

/**
 * The configured instances of every extension, stored on disk with their secrets encrypted. Instances are
 * tied to an extension's category and name, not to a bundle, so they survive restarts and upgrades. A
 * failed change throws an {@link InstanceException} and leaves everything as it was.
 */
@ProviderType
public interface InstanceService {

    /** Every instance, sorted by category, extension and name. */
    List<Instance> list();

    /** The instances of one extension, sorted by name. */
    List<Instance> list(Category category, String extension);

    Optional<Instance> get(String id);

    Optional<Instance> findByName(Category category, String extension, String name);

    /**
     * Validates {@code config} against the running extension's config schema and stores a new instance.
     *
     * @throws InstanceValidationException with every field error, when the name or a value is refused
     * @throws InstanceException           when the extension is not running, the name is taken, or the
     *                                     instance cannot be saved
     */
    Instance create(Category category, String extension, String name, Map<String, Object> config);

    /**
     * Replaces an instance's values (and its name, unless {@code newNameOrNull} is null). {@code config} is
     * the complete new config, with one exception for secrets:
     * <ul>
     * <li>a secret field that is absent, null, empty, or {@link Instance#SECRET_SET} keeps its stored value
     * (so a client can send back what it read without knowing the secret);</li>
     * <li>any other field that is absent is cleared, or set to its default when the schema has one.</li>
     * </ul>
     * A null {@code config} keeps every value and only renames.
     *
     * @throws InstanceValidationException with every field error; nothing is changed
     * @throws InstanceException           when there is no such instance, its extension is not running, the
     *                                     new name is taken, or the instance cannot be saved
     */
    Instance update(String id, String newNameOrNull, Map<String, Object> config);

    /** @return false when there was no instance with that id */
    boolean delete(String id);

    /**
     * The instance's values with secrets decrypted, to hand to its extension. Never log or return it.
     *
     * @throws InstanceException when there is no such instance or a secret cannot be decrypted
     */
    InstanceConfig config(String id);
}
