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
import org.paymenter.ext.http.server.Json;
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

    /**
     * The listing as JSON, with what it was made from. The registry, the folder and the history hand out
     * the same immutable list until something changes, so comparing them by identity says whether the
     * JSON can be reused: a panel polling the list costs no rebuilding.
     */
    private record Listing(List<ExtensionInfo> running, List<FolderEntry> entries, List<KnownExtension> known,
            byte[] json) {
        boolean isFor(List<ExtensionInfo> r, List<FolderEntry> e, List<KnownExtension> k) {
            return running == r && entries == e && known == k;
        }
    }

    private volatile Listing lastListing;

    private ApiResponse list(ApiRequest request) throws Exception {
        List<ExtensionInfo> running = registry.list();
        List<FolderEntry> entries = folder.entries();
        List<KnownExtension> known = history.list();
        Listing listing = lastListing;
        if (listing == null || !listing.isFor(running, entries, known)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", withInstalledButNotRunning(running, entries, known, null));
            List<FolderView> problems = new ArrayList<>();
            for (FolderEntry entry : entries) {
                if (!entry.isRunning()) {
                    problems.add(folderView(entry));
                }
            }
            body.put("bundlesNotRunning", problems);
            listing = new Listing(running, entries, known, Json.MAPPER.writeValueAsBytes(body));
            lastListing = listing;
        }
        return ApiResponse.raw(200, ApiResponse.JSON, listing.json(), Map.of());
    }

    private ApiResponse category(ApiRequest request) {
        Category category = Requests.category(request);
        return ApiResponse.ok(Views.items(withInstalledButNotRunning(registry.list(category), folder.entries(),
                history.list(), category)));
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
    private List<ExtensionView> withInstalledButNotRunning(List<ExtensionInfo> running, List<FolderEntry> entries,
            List<KnownExtension> history, Category only) {
        List<ExtensionView> items = new ArrayList<>(running.stream().map(this::view).toList());
        for (KnownExtension known : history) {
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

    /** One entry of the listing; a record, so Jackson writes it with a cached serializer. */
    public record ExtensionView(String category, String name, String displayName, String version, String description,
            String author, String state, List<String> capabilities, BundleView bundle, String problem) {
    }

    public record BundleView(String symbolicName, long id, String version) {
    }

    public record FolderView(String file, String symbolicName, String version, String state, long bundleId,
            String reason) {
    }

    private ExtensionView view(ExtensionInfo info) {
        ExtensionMetadata m = info.metadata();
        return new ExtensionView(info.category().path(), info.name(), m == null ? info.name() : m.displayName(),
                info.version(), m == null ? "" : m.description(), m == null ? "" : m.author(),
                info.state().name().toLowerCase(), info.capabilities().stream().sorted().toList(),
                new BundleView(info.symbolicName(), info.bundleId(), info.bundleVersion()), info.problem());
    }


    private static ExtensionView notRunningView(KnownExtension known, FolderEntry entry) {
        return new ExtensionView(known.category().path(), known.name(), known.name(), known.version(), "", "",
                entry.state().name().toLowerCase(), List.of(),
                new BundleView(entry.symbolicName(), entry.bundleId(), entry.version()), entry.reason());
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

    static FolderView folderView(FolderEntry entry) {
        return new FolderView(entry.file(), entry.symbolicName(), entry.version(), entry.state().name().toLowerCase(),
                entry.bundleId(), entry.reason());
    }

}
