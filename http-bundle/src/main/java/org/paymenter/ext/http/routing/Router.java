package org.paymenter.ext.http.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the route for a method and path. A path that some route matches with another method is a 405
 * (with the methods that would work), a path no route matches is a 404. Literal segments win over
 * placeholders, so {@code /extensions/servers/proxmox/instances} is never read as an instance id.
 */
public final class Router {

    /** A route with its pattern split once, not on every request. */
    private record Compiled(Route route, List<String> segments, int literals) {
        static Compiled of(Route route) {
            List<String> segments = PathSegments.split(route.pattern());
            int literals = (int) segments.stream().filter(s -> !PathSegments.isPlaceholder(s)).count();
            return new Compiled(route, segments, literals);
        }
    }

    private final List<Route> routes;
    private final List<Compiled> compiled;

    private static final String GET = "GET";
    private static final String HEAD = "HEAD";

    public Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
        this.compiled = this.routes.stream().map(Compiled::of).toList();
    }

    public List<Route> routes() {
        return routes;
    }

    /** The route and its placeholder values, or what went wrong. */
    public Match match(String method, String path) {
        // HEAD is GET without the body (RFC 9110); Jetty leaves the body out of the answer
        String wanted = HEAD.equals(method) ? GET : method;
        List<String> segments = PathSegments.split(path);
        Set<String> allowed = new TreeSet<>();
        Route best = null;
        Map<String, String> bestParams = null;
        int bestLiterals = -1;
        for (Compiled candidate : compiled) {
            Optional<Map<String, String>> params = bind(candidate.segments(), segments);
            if (params.isEmpty()) {
                continue;
            }
            Route route = candidate.route();
            allowed.add(route.method());
            if (GET.equals(route.method())) {
                allowed.add(HEAD);
            }
            if (route.method().equals(wanted) && candidate.literals() > bestLiterals) {
                best = route;
                bestParams = params.get();
                bestLiterals = candidate.literals();
            }
        }
        if (best != null) {
            return new Match(best, bestParams, Set.of());
        }
        return new Match(null, Map.of(), allowed);
    }

    private static Optional<Map<String, String>> bind(List<String> pattern, List<String> actual) {
        if (pattern.size() != actual.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            if (PathSegments.isPlaceholder(p)) {
                params.put(PathSegments.placeholderName(p), actual.get(i));
            } else if (!p.equals(actual.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    /**
     * @param route   the route, or null
     * @param allowed when there is no route: the methods the path has (empty: unknown path, 404)
     */
    public record Match(Route route, Map<String, String> params, Set<String> allowed) {

        public boolean found() {
            return route != null;
        }

        public List<String> allowedList() {
            return new ArrayList<>(allowed);
        }
    }
}
