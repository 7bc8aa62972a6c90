package org.paymenter.ext.others.discord;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.paymenter.ext.api.ExtensionException;

/**
 * A webhook's address. The URL carries the webhook's token, which is all it takes to post as the
 * webhook, so nothing here ever prints it: {@link #toString()} hides it and {@link #redact} scrubs it
 * out of text that came from elsewhere (a library's exception message, an error body).
 */
final class WebhookUrl {

    /** {@code /api/v10/webhooks/{id}/{token}}; the version segment is optional. */
    private static final Pattern PATH = Pattern.compile(".*?(?:/v(\\d+))?/webhooks/(\\d+)/([A-Za-z0-9_.-]+)/?");
    private static final String HIDDEN = "***";

    private final URI uri;
    private final String token;
    private final OptionalInt apiVersion;

    private WebhookUrl(URI uri, String token, OptionalInt apiVersion) {
        this.uri = uri;
        this.token = token;
        this.apiVersion = apiVersion;
    }

    /**
     * @param instanceName for the error message, which must not repeat the URL
     * @throws ExtensionException when the text is not an http(s) webhook URL
     */
    static WebhookUrl parse(String text, String instanceName) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw notAWebhook(instanceName);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Matcher path = PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !path.matches()) {
            throw notAWebhook(instanceName);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new ExtensionException("the webhook URL of instance '" + instanceName + "' must be https: it "
                    + "carries the webhook's token (plain http is accepted only for a server on this machine)");
        }
        OptionalInt version = path.group(1) == null ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(path.group(1)));
        return new WebhookUrl(uri, path.group(3), version);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private static ExtensionException notAWebhook(String instanceName) {
        return new ExtensionException("the webhook URL of instance '" + instanceName
                + "' is not a Discord webhook URL (https://discord.com/api/webhooks/{id}/{token})");
    }

    URI uri() {
        return uri;
    }

    /** The API version the URL names ({@code /api/v10/...}); empty for the usual unversioned URL. */
    OptionalInt apiVersion() {
        return apiVersion;
    }

    /** {@code text} with the URL and the token replaced by {@value #HIDDEN}; null stays null. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        return text.replace(uri.toString(), HIDDEN).replace(token, HIDDEN);
    }

    @Override
    public String toString() {
        return "WebhookUrl[" + uri.getHost() + ", token " + HIDDEN + "]";
    }
}
