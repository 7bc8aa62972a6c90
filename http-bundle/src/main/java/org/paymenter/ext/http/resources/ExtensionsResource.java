package org.paymenter.ext.http.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.Extension;
import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.core.api.ExtensionInfo;
import org.paymenter.ext.core.api.ExtensionInvoker;
import org.paymenter.ext.core.api.ExtensionRegistry;
import org.paymenter.ext.core.api.InvocationException;
import org.paymenter.ext.http.routing.Access;
import org.paymenter.ext.http.routing.ApiException;
import org.paymenter.ext.http.routing.ApiRequest;
import org.paymenter.ext.http.routing.ApiResponse;
import org.paymenter.ext.http.routing.Route;
import org.paymenter.ext.runtime.deploy.BundleFolder;
import org.paymenter.ext.runtime.deploy.FolderEntry;

/** The seed's four read endpoints: what is installed, by category, an extension's metadata and fields. */
public final class ExtensionsResource {

    private final ExtensionRegistry registry;
    private final ExtensionInvoker invoker;
    private final BundleFolder folder;

    public ExtensionsResource(ExtensionRegistry registry, ExtensionInvoker invoker, BundleFolder folder) {
        this.registry = registry;
        this.invoker = invoker;
        this.folder = folder;
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", Paths.EXTENSIONS, Access.ADMIN,
                        "Every extension with its state and bundle, and every jar of the folder that is not running",
                        null, 0, this::list),
                new Route("GET", Paths.CATEGORY, Access.ADMIN, "The extensions of one category", null, 0, this::category),
                new Route("GET", Paths.EXTENSION + "/metadata", Access.ADMIN,
                        "Name, display name, description, version, author, url, icon", null, 0, this::metadata),
                new Route("GET", Paths.EXTENSION + "/config", Access.ADMIN,
                        "The fields an instance of this extension is configured with", null, 0, this::config));
    }

    private ApiResponse list(ApiRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", registry.list().stream().map(this::view).toList());
        List<Map<String, Object>> problems = new ArrayList<>();
        for (FolderEntry entry : folder.entries()) {
            if (!entry.isRunning()) {
                problems.add(folderView(entry));
            }
        }
        body.put("bundlesNotRunning", problems);
        return ApiResponse.ok(body);
    }

    private ApiResponse category(ApiRequest request) {
        Category category = Requests.category(request);
        return ApiResponse.ok(Views.items(registry.list(category).stream().map(this::view).toList()));
    }

    private ApiResponse metadata(ApiRequest request) {
        ExtensionInfo info = serving(request);
        Map<String, Object> body = metadataView(info.metadata());
        body.put("category", info.category().path());
        body.put("capabilities", info.capabilities().stream().sorted().toList());
        return ApiResponse.ok(body);
    }

    private ApiResponse config(ApiRequest request) {
        ExtensionInfo info = serving(request);
        try {
            var fields = invoker.call(info.category(), info.name(), Extension.class, Extension::configSchema);
            return ApiResponse.ok(Map.of("extension", info.path(), "fields", Views.fields(fields)));
        } catch (InvocationException e) {
            throw Failures.of(e);
        }
    }

    /** The extension that serves category/name, or a 404 that says what exists. */
    ExtensionInfo serving(ApiRequest request) {
        Category category = Requests.category(request);
        String name = request.path("name");
        Optional<ExtensionInfo> info = registry.find(category, name);
        return info.orElseThrow(() -> ApiException.notFound("no extension " + category.path() + "/" + name
                + " is running; running " + category.path() + ": "
                + registry.list(category).stream().map(ExtensionInfo::name).toList()));
    }

    private Map<String, Object> view(ExtensionInfo info) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("category", info.category().path());
        view.put("name", info.name());
        ExtensionMetadata m = info.metadata();
        view.put("displayName", m == null ? info.name() : m.displayName());
        view.put("version", info.version());
        view.put("description", m == null ? "" : m.description());
        view.put("author", m == null ? "" : m.author());
        view.put("state", info.state().name().toLowerCase());
        view.put("capabilities", info.capabilities().stream().sorted().toList());
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("symbolicName", info.symbolicName());
        bundle.put("id", info.bundleId());
        bundle.put("version", info.bundleVersion());
        view.put("bundle", bundle);
        view.put("problem", info.problem());
        return view;
    }

    static Map<String, Object> metadataView(ExtensionMetadata m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", m.name());
        view.put("displayName", m.displayName());
        view.put("description", m.description());
        view.put("version", m.version());
        view.put("author", m.author());
        view.put("url", m.url());
        view.put("icon", m.icon());
        return view;
    }

    static Map<String, Object> folderView(FolderEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("file", entry.file());
        view.put("symbolicName", entry.symbolicName());
        view.put("version", entry.version());
        view.put("state", entry.state().name().toLowerCase());
        view.put("bundleId", entry.bundleId());
        view.put("reason", entry.reason());
        return view;
    }
}
