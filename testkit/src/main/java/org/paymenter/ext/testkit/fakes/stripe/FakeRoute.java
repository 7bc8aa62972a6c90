package org.paymenter.ext.testkit.fakes.stripe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One endpoint of the fake: a method, a path pattern with {@code {id}} parts, and what answers it. */
record FakeRoute(String method, Pattern path, Handler handler) {

    /** Answers a request: the path's {@code {id}} values in order, and the parsed parameters. */
    @FunctionalInterface
    interface Handler {
        ObjectNode handle(List<String> ids, Params params);
    }

    static FakeRoute of(String method, String template, Handler handler) {
        return new FakeRoute(method, Pattern.compile(template.replace("{id}", "([^/]+)")), handler);
    }

    /** The path's id values when this route serves {@code method path}. */
    Optional<List<String>> match(String requestMethod, String requestPath) {
        if (!method.equals(requestMethod)) {
            return Optional.empty();
        }
        Matcher m = path.matcher(requestPath);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            ids.add(m.group(i));
        }
        return Optional.of(ids);
    }
}
