package org.paymenter.ext.http.resources;

import java.util.function.BiFunction;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.core.api.ExtensionInvoker;
import org.paymenter.ext.core.api.Instance;
import org.paymenter.ext.core.api.InstanceException;
import org.paymenter.ext.core.api.InstanceService;
import org.paymenter.ext.core.api.InvocationException;
import org.paymenter.ext.http.routing.ApiException;
import org.paymenter.ext.http.routing.ApiRequest;

/**
 * Runs one operation of an instance's extension: finds the instance named by the path, decrypts its
 * config, calls the extension through the invoker (time limit, failure isolation) and maps failures to
 * statuses.
 */
public final class InstanceCalls {

    private final InstanceService instances;
    private final ExtensionInvoker invoker;

    public InstanceCalls(InstanceService instances, ExtensionInvoker invoker) {
        this.instances = instances;
        this.invoker = invoker;
    }

    Instance instance(Category category, ApiRequest request) {
        String name = request.path("name");
        String id = request.path("id");
        return instances.get(id).filter(i -> i.category() == category && i.extension().equals(name))
                .orElseThrow(() -> ApiException.notFound("no instance " + id + " of " + category.path() + "/" + name));
    }

    <T, R> R call(Category category, ApiRequest request, Class<T> kind, BiFunction<T, InstanceConfig, R> operation) {
        Instance instance = instance(category, request);
        return call(instance, kind, operation);
    }

    <T, R> R call(Instance instance, Class<T> kind, BiFunction<T, InstanceConfig, R> operation) {
        InstanceConfig config;
        try {
            config = instances.config(instance.id());
        } catch (InstanceException e) {
            throw Failures.of(e);
        }
        try {
            return invoker.call(instance.category(), instance.extension(), kind, ext -> operation.apply(ext, config));
        } catch (InvocationException e) {
            throw Failures.of(e);
        }
    }
}
