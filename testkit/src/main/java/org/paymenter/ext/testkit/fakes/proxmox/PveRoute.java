package org.paymenter.ext.testkit.fakes.proxmox;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One endpoint of the fake API: method, path pattern (groups are the path's variables) and handler. */
record PveRoute(String method, Pattern path, Handler handler) {

    /** Answers the call's {@code data}; throws {@link PveError} for an error answer. */
    @FunctionalInterface
    interface Handler {
        Object handle(Call call);
    }

    /**
     * One call as a handler sees it.
     *
     * @param user the authenticated token id ({@code USER@REALM!TOKENID}), which tasks record
     */
    record Call(Matcher path, PveParams params, String user) {

        String node() {
            return path.group("node");
        }

        int vmid() {
            return Integer.parseInt(path.group("vmid"));
        }

        String group(String name) {
            return path.group(name);
        }
    }

    static PveRoute of(String method, String pathRegex, Handler handler) {
        return new PveRoute(method, Pattern.compile(pathRegex), handler);
    }

    /** The path's match when method and path fit this route. */
    Optional<Matcher> match(String requestMethod, String apiPath) {
        if (!method.equals(requestMethod)) {
            return Optional.empty();
        }
        Matcher m = path.matcher(apiPath);
        return m.matches() ? Optional.of(m) : Optional.empty();
    }
}
