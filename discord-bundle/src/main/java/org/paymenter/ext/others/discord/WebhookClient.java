package org.paymenter.ext.others.discord;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.paymenter.ext.api.ExtensionException;

/**
 * Posts one message to a webhook and sees it through {@link RetryPolicy}: a 429 waits what Discord asks
 * ({@link RateLimitAnswer}) and tries again; a 5xx or a failed connection tries again after a growing pause;
 * any other answer is final. A request that timed out is not repeated: Discord may have posted it, and a
 * second 10 s wait would not fit the budget anyway.
 *
 * <p>Every sentence this class writes, logged or thrown, goes without the URL: it carries the token.
 */
final class WebhookClient {

    static final String USER_AGENT = "PaymenterExtensions-DiscordNotifications (https://paymenter.org, 1)";
    private static final System.Logger LOG = System.getLogger(WebhookClient.class.getName());
    private static final int STATUS_TOO_MANY_REQUESTS = 429;
    private static final int STATUS_UNAUTHORIZED = 401;
    private static final int STATUS_NOT_FOUND = 404;

    private final HttpClient http;
    private final DiscordErrors errors;

    /** HTTP/1.1: one short request per event gains nothing from HTTP/2. Redirects are not followed. */
    static HttpClient.Builder httpClientBuilder() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(RetryPolicy.CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    WebhookClient(HttpClient http, DiscordErrors errors) {
        this.http = http;
        this.errors = errors;
    }

    /**
     * @param instance the instance's name, for log lines
     * @throws ExtensionException when Discord did not take the message; the reason names Discord's answer
     */
    Delivery post(WebhookUrl url, byte[] body, String instance) {
        long deadline = System.nanoTime() + RetryPolicy.BUDGET.toNanos();
        int serverRetries = 0;
        for (int attempt = 1;; attempt++) {
            HttpResponse<byte[]> response;
            Duration timeout = min(RetryPolicy.REQUEST_TIMEOUT, remaining(deadline));
            try {
                response = send(url, body, timeout);
            } catch (HttpConnectTimeoutException e) {
                serverRetries++;
                retryOrFail(serverRetries, attempt, deadline, "could not connect to Discord within "
                        + seconds(RetryPolicy.CONNECT_TIMEOUT), instance);
                continue;
            } catch (HttpTimeoutException e) {
                throw new ExtensionException("Discord did not answer within " + seconds(timeout)
                        + "; the notification may or may not have been posted");
            } catch (IOException e) {
                serverRetries++;
                retryOrFail(serverRetries, attempt, deadline, "could not reach Discord (" + describe(e, url) + ")",
                        instance);
                continue;
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return new Delivery(status, attempt);
            }
            if (status == STATUS_TOO_MANY_REQUESTS) {
                waitForRateLimit(response, url, attempt, deadline, instance);
            } else if (status >= 500) {
                serverRetries++;
                retryOrFail(serverRetries, attempt, deadline,
                        "Discord answered " + url.redact(errors.describe(status, response.body())), instance);
            } else {
                throw new ExtensionException("Discord refused the notification: "
                        + url.redact(errors.describe(status, response.body())) + hint(status));
            }
        }
    }

    private HttpResponse<byte[]> send(WebhookUrl url, byte[] body, Duration timeout) throws IOException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url.uri()).timeout(timeout)
                    .header("Content-Type", "application/json").header("User-Agent", USER_AGENT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            throw new ExtensionException("the webhook URL cannot be used: " + url.redact(e.getMessage()));
        }
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtensionException("the delivery was interrupted (the host's time limit, or it is stopping)");
        }
    }

    private void waitForRateLimit(HttpResponse<byte[]> response, WebhookUrl url, int attempt, long deadline,
            String instance) {
        RateLimitAnswer answer = RateLimitAnswer.from(response.headers(), errors.parse(response.body()));
        Duration wait = answer.waitFor(url.apiVersion());
        String scope = answer.global() ? "globally" : "this webhook";
        if (attempt >= RetryPolicy.MAX_ATTEMPTS) {
            throw new ExtensionException("Discord still rate-limits " + scope + " after " + attempt
                    + " attempts; the notification was not posted");
        }
        if (wait.compareTo(remaining(deadline)) > 0) {
            throw new ExtensionException("Discord rate-limits " + scope + " and asks to wait " + seconds(wait)
                    + ", longer than this delivery may take (" + seconds(RetryPolicy.BUDGET)
                    + " in all); the notification was not posted");
        }
        LOG.log(Level.INFO, "Discord rate-limits " + scope + " for instance '" + instance + "'; retrying in "
                + seconds(wait));
        pause(wait);
    }

    /** After a server error or a failed connection: pause and let the loop try again, or give up. */
    private void retryOrFail(int serverRetries, int attempt, long deadline, String why, String instance) {
        Duration pause = RetryPolicy.backoff(serverRetries);
        if (serverRetries > RetryPolicy.MAX_SERVER_ERROR_RETRIES || attempt >= RetryPolicy.MAX_ATTEMPTS) {
            throw new ExtensionException(why + "; gave up after " + attempt + " attempts");
        }
        if (pause.compareTo(remaining(deadline)) > 0) {
            throw new ExtensionException(why + "; no time left to retry after " + attempt + " attempts");
        }
        LOG.log(Level.INFO, why + " for instance '" + instance + "'; retrying in " + seconds(pause));
        pause(pause);
    }

    private static void pause(Duration wait) {
        try {
            TimeUnit.NANOSECONDS.sleep(wait.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtensionException("the delivery was interrupted while waiting to retry (the host's time "
                    + "limit, or it is stopping)");
        }
    }

    private static String hint(int status) {
        return status == STATUS_UNAUTHORIZED || status == STATUS_NOT_FOUND
                ? "; check the instance's webhook URL (the webhook may have been deleted)" : "";
    }

    /** The failure's type and message, without the URL; the JDK's messages rarely have one, but may. */
    private static String describe(IOException e, WebhookUrl url) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + url.redact(message));
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** "0.30 s". */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }
}
