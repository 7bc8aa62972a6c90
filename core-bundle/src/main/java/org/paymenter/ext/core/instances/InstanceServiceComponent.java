package org.paymenter.ext.core.instances;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.Extension;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.core.api.ExtensionInvoker;
import org.paymenter.ext.core.api.Instance;
import org.paymenter.ext.core.api.InstanceException;
import org.paymenter.ext.core.api.InstanceService;
import org.paymenter.ext.core.api.InvocationException;
import org.paymenter.ext.core.settings.CoreSettings;

/** The {@link InstanceService} service: an {@link InstanceStore} in the data directory, schemas via the invoker. */
@Component(service = InstanceService.class, immediate = true)
public class InstanceServiceComponent implements InstanceService {

    private final ExtensionInvoker invoker;
    private final InstanceStore store;

    @Activate
    public InstanceServiceComponent(@Reference(name = "invoker") ExtensionInvoker invoker,
            BundleContext context) {
        this.invoker = invoker;
        this.store = new InstanceStore(CoreSettings.from(context::getProperty).requireDataDir(), this::schema);
    }

    /** Asks the extension itself, time-limited like any call: its schema may change with an upgrade. */
    private Optional<List<ConfigField>> schema(Category category, String extension) {
        try {
            return Optional.of(invoker.call(category, extension, Extension.class, Extension::configSchema));
        } catch (InvocationException e) {
            if (e.kind() == InvocationException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw new InstanceException(InstanceException.Kind.EXTENSION_NOT_RUNNING, "extension "
                    + category.path() + "/" + extension + " could not give its config schema: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Instance> list() {
        return store.list();
    }

    @Override
    public List<Instance> list(Category category, String extension) {
        return store.list(category, extension);
    }

    @Override
    public Optional<Instance> get(String id) {
        return store.get(id);
    }

    @Override
    public Optional<Instance> findByName(Category category, String extension, String name) {
        return store.findByName(category, extension, name);
    }

    @Override
    public Instance create(Category category, String extension, String name, Map<String, Object> config) {
        return store.create(category, extension, name, config);
    }

    @Override
    public Instance update(String id, String newNameOrNull, Map<String, Object> config) {
        return store.update(id, newNameOrNull, config);
    }

    @Override
    public boolean delete(String id) {
        return store.delete(id);
    }

    @Override
    public InstanceConfig config(String id) {
        return store.config(id);
    }
}
