package org.paymenter.ext.http.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.Extension;
import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.core.api.ExtensionHistory;
import org.paymenter.ext.core.api.ExtensionInfo;
import org.paymenter.ext.core.api.ExtensionInvoker;
import org.paymenter.ext.core.api.ExtensionRegistry;
import org.paymenter.ext.core.api.InvocationException;
import org.paymenter.ext.core.api.KnownExtension;
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
    private final ExtensionHistory history;

    public ExtensionsResource(ExtensionRegistry registry, ExtensionInvoker invoker, BundleFolder folder,
            ExtensionHistory history) {
        this.registry = registry;
        this.invoker = invoker;
        this.folder = folder;
        this.history = history;
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
        body.put("items", withInstalledButNotRunning(registry.list(), null));
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
        return ApiResponse.ok(Views.items(withInstalledButNotRunning(registry.list(category), category)));
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

    /**
     * The running extensions, then those that ran before and whose jar is still in the folder but does not
     * run now (stopped by an operator, failing to start), with the folder's state and reason.
     */
    private List<Map<String, Object>> withInstalledButNotRunning(List<ExtensionInfo> running, Category only) {
        List<Map<String, Object>> items = new ArrayList<>(running.stream().map(this::view).toList());
        List<FolderEntry> entries = folder.entries();
        for (KnownExtension known : history.list()) {
            boolean isRunning = running.stream().anyMatch(r -> r.category() == known.category() && r.name().equals(known.name()));
            if ((only != null && known.category() != only) || isRunning) {
                continue;
            }
            entries.stream().filter(e -> known.symbolicName().equals(e.symbolicName()) && !e.isRunning()).findFirst()
                    .ifPresent(entry -> items.add(notRunningView(known, entry)));
        }
        return items;
    }

    /**
     * The symbolic name of the bundle behind category/name: the running one, else the one that last ran
     * it (so a stopped extension can be started or removed by name).
     */
    String symbolicName(ApiRequest request) {
        Category category = Requests.category(request);
        String name = request.path("name");
        return registry.find(category, name).map(ExtensionInfo::symbolicName)
                .or(() -> history.find(category, name).map(KnownExtension::symbolicName).filter(s -> !s.isEmpty()))
                .orElseThrow(() -> ApiException.notFound("no extension " + category.path() + "/" + name
                        + " is installed"));
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

    private static Map<String, Object> notRunningView(KnownExtension known, FolderEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("category", known.category().path());
        view.put("name", known.name());
        view.put("displayName", known.name());
        view.put("version", known.version());
        view.put("description", "");
        view.put("author", "");
        view.put("state", entry.state().name().toLowerCase());
        view.put("capabilities", List.of());
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("symbolicName", entry.symbolicName());
        bundle.put("id", entry.bundleId());
        bundle.put("version", entry.version());
        view.put("bundle", bundle);
        view.put("problem", entry.reason());
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
