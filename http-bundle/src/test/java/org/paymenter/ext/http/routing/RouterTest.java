package org.paymenter.ext.http.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RouterTest {

    private static Route route(String method, String pattern) {
        return new Route(method, pattern, Access.ADMIN, pattern, null, 0, r -> ApiResponse.ok(pattern));
    }

    private final Router router = new Router(List.of(
            route("GET", "/api/v1/admin/extensions/{category}/{name}/instances/{id}"),
            route("POST", "/api/v1/admin/extensions/servers/{name}/instances/{id}/test"),
            route("GET", "/api/v1/admin/extensions/{category}/{name}/instances"),
            route("POST", "/api/v1/admin/extensions/{category}/{name}/instances"),
            route("POST", "/api/v1/admin/extensions/servers/{name}/instances/{id}/services/{op}")));

    @Test
    void bindsPlaceholdersToDecodedSegments() {
        Router.Match match = router.match("GET", "/api/v1/admin/extensions/servers/proxmox/instances/a%20b");
        assertThat(match.found()).isTrue();
        assertThat(match.params()).containsEntry("category", "servers").containsEntry("name", "proxmox")
                .containsEntry("id", "a b");
    }

    @Test
    void literalSegmentsWinOverPlaceholders() {
        Router.Match match = router.match("POST", "/api/v1/admin/extensions/servers/proxmox/instances/x1/services/create");
        assertThat(match.route().pattern()).endsWith("/services/{op}");
        assertThat(match.params()).containsEntry("op", "create");
    }

    @Test
    void knownPathWithOtherMethodIsMethodNotAllowed() {
        Router.Match match = router.match("DELETE", "/api/v1/admin/extensions/servers/proxmox/instances");
        assertThat(match.found()).isFalse();
        assertThat(match.allowed()).containsExactly("GET", "HEAD", "POST");
    }

    @Test
    void headIsServedByTheGetRoute() {
        Router.Match match = router.match("HEAD", "/api/v1/admin/extensions/servers/proxmox/instances");
        assertThat(match.found()).isTrue();
        assertThat(match.route().method()).isEqualTo("GET");
    }

    @Test
    void unknownPathIsNotFound() {
        Router.Match match = router.match("GET", "/api/v1/admin/nothing");
        assertThat(match.found()).isFalse();
        assertThat(match.allowed()).isEmpty();
    }

    @Test
    void trailingAndDoubleSlashesDoNotMatter() {
        assertThat(router.match("GET", "/api/v1/admin//extensions/servers/proxmox/instances/").found()).isTrue();
    }
}
