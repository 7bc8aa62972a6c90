package org.paymenter.ext.http.routing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Splits a path into decoded segments; empty segments (double or trailing slashes) are dropped. */
final class PathSegments {

    private PathSegments() {
    }

    static List<String> split(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
    }

    static boolean isPlaceholder(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    static String placeholderName(String segment) {
        return segment.substring(1, segment.length() - 1);
    }
}
