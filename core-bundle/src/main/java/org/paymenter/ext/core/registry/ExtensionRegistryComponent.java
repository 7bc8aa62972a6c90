package org.paymenter.ext.core.registry;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.Extension;
import org.paymenter.ext.api.gateway.GatewayExtension;
import org.paymenter.ext.api.other.OtherExtension;
import org.paymenter.ext.api.server.ServerExtension;
import org.paymenter.ext.core.api.ExtensionInfo;
import org.paymenter.ext.core.api.ExtensionRegistry;

/** Feeds every extension service of the framework into an {@link ExtensionTable} and tells the listeners. */
@Component(service = ExtensionRegistry.class, immediate = true)
public class ExtensionRegistryComponent implements ExtensionRegistry {

    private static final System.Logger LOG = System.getLogger(ExtensionRegistryComponent.class.getName());

    private final ExtensionTable table = new ExtensionTable();
    private final List<ExtensionActivationListener> listeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeServer")
    void addServer(ServiceReference<ServerExtension> reference, ServerExtension extension) {
        added(reference, Category.SERVERS, extension);
    }

    void removeServer(ServiceReference<ServerExtension> reference) {
        removed(reference);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeGateway")
    void addGateway(ServiceReference<GatewayExtension> reference, GatewayExtension extension) {
        added(reference, Category.GATEWAYS, extension);
    }

    void removeGateway(ServiceReference<GatewayExtension> reference) {
        removed(reference);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeOther")
    void addOther(ServiceReference<OtherExtension> reference, OtherExtension extension) {
        added(reference, Category.OTHERS, extension);
    }

    void removeOther(ServiceReference<OtherExtension> reference) {
        removed(reference);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeListener")
    void addListener(ExtensionActivationListener listener) {
        listeners.add(listener);
        table.list().stream().filter(ExtensionInfo::isActive).forEach(info -> tell(listener, info));
    }

    void removeListener(ExtensionActivationListener listener) {
        listeners.remove(listener);
    }

    @Override
    public List<ExtensionInfo> list() {
        return table.list();
    }

    @Override
    public List<ExtensionInfo> list(Category category) {
        return table.list(category);
    }

    @Override
    public Optional<ExtensionInfo> find(Category category, String name) {
        return table.find(category, name);
    }

    @Override
    public Optional<ExtensionInfo> find(String nameOrCategorySlashName) {
        return table.find(nameOrCategorySlashName);
    }

    @Override
    public Optional<Extension> service(Category category, String name) {
        return table.service(category, name);
    }

    private void added(ServiceReference<?> reference, Category category, Extension extension) {
        Bundle bundle = reference.getBundle();
        Registration registration = new Registration((Long) reference.getProperty(Constants.SERVICE_ID), category,
                extension, bundle == null ? -1 : bundle.getBundleId(),
                bundle == null ? "" : bundle.getSymbolicName(),
                bundle == null ? "" : bundle.getVersion().toString(),
                (String) reference.getProperty(ComponentConstants.COMPONENT_NAME));
        table.add(registration).forEach(this::tellAll);
    }

    private void removed(ServiceReference<?> reference) {
        table.remove((Long) reference.getProperty(Constants.SERVICE_ID)).forEach(this::tellAll);
    }

    private void tellAll(ExtensionInfo info) {
        listeners.forEach(listener -> tell(listener, info));
    }

    private static void tell(ExtensionActivationListener listener, ExtensionInfo info) {
        try {
            listener.activated(info);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "activation listener " + listener + " failed for " + info.path(), e);
        }
    }
}
