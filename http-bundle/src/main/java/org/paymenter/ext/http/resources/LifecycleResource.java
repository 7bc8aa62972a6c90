package org.paymenter.ext.http.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.paymenter.ext.core.api.BundleDeployments;
import org.paymenter.ext.core.api.Deployment;
import org.paymenter.ext.core.api.DeploymentException;
import org.paymenter.ext.http.routing.Access;
import org.paymenter.ext.http.routing.ApiException;
import org.paymenter.ext.http.routing.ApiRequest;
import org.paymenter.ext.http.routing.ApiResponse;
import org.paymenter.ext.http.routing.Route;

/**
 * Install, upgrade, remove, start and stop extensions. An upload is written to a temp file and handed to
 * {@link BundleDeployments}, which renames it into the bundles folder: the API, the shell and a plain
 * {@code mv} all take the same path, and the folder stays the one source of truth.
 */
public final class LifecycleResource {

    static final String JAR = "application/java-archive";

    private final ExtensionsResource extensions;
    private final BundleDeployments deployments;
    private final long maxUpload;
    private final Path uploads;

    public LifecycleResource(ExtensionsResource extensions, BundleDeployments deployments, long maxUpload, Path dataDir) {
        this.extensions = extensions;
        this.deployments = deployments;
        this.maxUpload = maxUpload;
        this.uploads = dataDir.resolve("uploads");
    }

    public List<Route> routes() {
        return List.of(
                new Route("POST", Paths.EXTENSIONS, Access.ADMIN,
                        "Install an extension: the jar is the body; answers whether it became active or why not", JAR,
                        maxUpload, this::install),
                new Route("PUT", Paths.EXTENSION, Access.ADMIN,
                        "Upgrade (or downgrade) an extension to the jar in the body; same symbolic name required", JAR,
                        maxUpload, this::upgrade),
                new Route("DELETE", Paths.EXTENSION, Access.ADMIN, "Uninstall an extension (its jar leaves the folder)",
                        null, 0, this::uninstall),
                new Route("POST", Paths.EXTENSION + "/start", Access.ADMIN,
                        "Start a stopped extension (kept across restarts)", null, 0, this::start),
                new Route("POST", Paths.EXTENSION + "/stop", Access.ADMIN,
                        "Stop an extension without removing it (kept across restarts)", null, 0, this::stop));
    }

    private ApiResponse install(ApiRequest request) throws IOException {
        return withUpload(request, jar -> ApiResponse.created(view(deployments.install(jar))));
    }

    private ApiResponse upgrade(ApiRequest request) throws IOException {
        // The running extension's bundle, or the one that last ran it: a stopped or failing one can be replaced too.
        String expected = extensions.symbolicName(request);
        String path = request.path("category") + "/" + request.path("name");
        return withUpload(request, jar -> {
            String uploaded = deployments.symbolicName(jar);
            if (!uploaded.equals(expected)) {
                throw ApiException.unprocessable("the jar is " + uploaded + ", but " + path + " comes from "
                        + expected + "; an upgrade keeps the symbolic name", Map.of());
            }
            return ApiResponse.ok(view(deployments.upgrade(jar)));
        });
    }

    private ApiResponse uninstall(ApiRequest request) {
        String symbolicName = extensions.symbolicName(request);
        return guarded(() -> ApiResponse.ok(view(deployments.uninstall(symbolicName))));
    }

    private ApiResponse start(ApiRequest request) {
        String symbolicName = extensions.symbolicName(request);
        return guarded(() -> ApiResponse.ok(view(deployments.start(symbolicName))));
    }

    private ApiResponse stop(ApiRequest request) {
        String symbolicName = extensions.symbolicName(request);
        return guarded(() -> ApiResponse.ok(view(deployments.stop(symbolicName))));
    }

    private interface JarAction {
        ApiResponse apply(Path jar);
    }

    private ApiResponse withUpload(ApiRequest request, JarAction action) throws IOException {
        byte[] body = request.body();
        if (body.length == 0) {
            throw ApiException.badRequest("send the extension's jar as the request body (Content-Type: " + JAR + ")");
        }
        Files.createDirectories(uploads);
        Path temp = Files.createTempFile(uploads, "upload-", ".jar");
        try {
            Files.write(temp, body);
            try {
                return guarded(() -> action.apply(temp));
            } catch (ApiException e) {
                // The caller sent bytes, not a file: name it so, not by our temp file's path.
                String detail = e.getMessage().replace(temp.toString(), "the uploaded jar")
                        .replace(temp.getFileName().toString(), "the uploaded jar");
                throw new ApiException(e.status(), detail, e.extensions());
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static ApiResponse guarded(java.util.function.Supplier<ApiResponse> call) {
        try {
            return call.get();
        } catch (DeploymentException e) {
            int status = switch (e.kind()) {
                case INVALID_JAR -> 400;
                case ALREADY_INSTALLED -> 409;
                case NOT_INSTALLED -> 404;
                case STORAGE -> 500;
            };
            throw new ApiException(status, e.getMessage());
        }
    }

    private static Map<String, Object> view(Deployment d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("symbolicName", d.symbolicName());
        view.put("previousVersion", d.previousVersion());
        view.put("version", d.version());
        view.put("file", d.file());
        view.put("state", d.entry() == null ? "removed" : d.entry().state().name().toLowerCase());
        view.put("bundleId", d.entry() == null ? -1 : d.entry().bundleId());
        view.put("reason", d.entry() == null ? "" : d.entry().reason());
        view.put("message", d.message());
        return view;
    }
}
