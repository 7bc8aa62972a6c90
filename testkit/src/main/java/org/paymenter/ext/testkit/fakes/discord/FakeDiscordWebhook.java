package org.paymenter.ext.testkit.fakes.discord;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.paymenter.ext.testkit.Poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Discord's Execute Webhook endpoint on loopback, answering as Discord does:
 * {@code POST /api[/v{n}]/webhooks/{id}/{token}} posts the message and answers 204, or 200 with the
 * message object when the query has {@code wait=true}; an unknown id is 404 {@code Unknown Webhook} (10015),
 * a wrong token 401 {@code Invalid Webhook Token} (50027), a body Discord would refuse 400 with its error
 * JSON ({@code Cannot send an empty message} 50006, invalid JSON 50109, {@code Invalid Form Body} 50035 with
 * the per-field error tree).
 *
 * <p>Knobs: {@link #rateLimitNext} (429 with {@code retry_after} in seconds or milliseconds, the
 * {@code Retry-After} and {@code X-RateLimit-*} headers, and a 429 again for any retry before the wait is
 * over), {@link #failNext} (5xx or any status), {@link #delay}. Every request is recorded with the answer it
 * got ({@link #requests()}); {@link #messages} are the ones Discord would have posted.
 *
 * <pre>{@code
 * try (FakeDiscordWebhook discord = FakeDiscordWebhook.start()) {
 *     Webhook hook = discord.createWebhook("Paymenter");
 *     String url = discord.url(hook);            // the extension's webhook_url
 *     discord.rateLimitNext(1, Duration.ofMillis(300), RetryAfterUnit.SECONDS);
 *     ...
 *     JsonNode embed = discord.awaitMessages(hook, 1, Poll.DEFAULT_TIMEOUT).get(0).path("embeds").get(0);
 * }
 * }</pre>
 */
public final class FakeDiscordWebhook implements AutoCloseable {

    /** Discord's epoch, for snowflake ids. */
    private static final long DISCORD_EPOCH_MS = 1_420_070_400_000L;
    private static final int SNOWFLAKE_SHIFT = 22;
    private static final int TOKEN_BYTES = 51; // 68 characters in URL-safe base64, as Discord's tokens
    private static final Pattern WEBHOOK_PATH = Pattern.compile("/api(?:/v(\\d+))?/webhooks/([^/]+)/([^/]+)/?");
    private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{1,20}");
    /** What Discord states as the size of a webhook's bucket. */
    private static final int RATE_LIMIT = 5;
    private static final String JSON = "application/json";

    private final ObjectMapper mapper = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock = Clock.systemUTC();
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Webhook> webhooks = new ConcurrentHashMap<>();
    /** Per webhook id: until when it is rate-limited, and in which units it says so. */
    private final Map<String, RateLimitWindow> windows = new ConcurrentHashMap<>();
    private final List<ReceivedRequest> requests = new CopyOnWriteArrayList<>();

    private int rateLimitsLeft;
    private Duration rateLimitWait = Duration.ZERO;
    private RetryAfterUnit rateLimitUnit = RetryAfterUnit.SECONDS;
    private int failuresLeft;
    private int failureStatus;
    private Duration delay = Duration.ZERO;

    private record RateLimitWindow(Instant until, RetryAfterUnit unit) {
    }

    private record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    private FakeDiscordWebhook(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on 127.0.0.1 on a free port. */
    public static FakeDiscordWebhook start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // One thread per request: a delayed answer must not hold up the next request.
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fake-discord");
                t.setDaemon(true);
                return t;
            });
            FakeDiscordWebhook fake = new FakeDiscordWebhook(server, executor);
            server.createContext("/", fake::handle);
            server.setExecutor(executor);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("the fake Discord could not listen on loopback", e);
        }
    }

    // --- set-up ------------------------------------------------------------------------------------

    /** A new webhook, as an admin creates one in a channel's settings. */
    public Webhook createWebhook(String name) {
        byte[] token = new byte[TOKEN_BYTES];
        random.nextBytes(token);
        Webhook webhook = new Webhook(snowflake(), Base64.getUrlEncoder().withoutPadding().encodeToString(token), name,
                snowflake(), snowflake());
        webhooks.put(webhook.id(), webhook);
        return webhook;
    }

    /** What "Copy Webhook URL" gives: {@code http://127.0.0.1:<port>/api/webhooks/<id>/<token>}. */
    public String url(Webhook webhook) {
        return baseUrl() + "/api/webhooks/" + webhook.id() + "/" + webhook.token();
    }

    /** The URL of a versioned API ({@code /api/v10/webhooks/...}). */
    public String url(Webhook webhook, int apiVersion) {
        return baseUrl() + "/api/v" + apiVersion + "/webhooks/" + webhook.id() + "/" + webhook.token();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // --- knobs -------------------------------------------------------------------------------------

    /**
     * The next {@code count} webhook requests get 429 asking to wait {@code retryAfter}, stated in
     * {@code unit}; a retry before the wait is over gets another 429 for the time left.
     */
    public synchronized void rateLimitNext(int count, Duration retryAfter, RetryAfterUnit unit) {
        rateLimitsLeft = count;
        rateLimitWait = retryAfter;
        rateLimitUnit = unit;
    }

    /** The next {@code count} webhook requests get {@code status} with Discord's error JSON. */
    public synchronized void failNext(int count, int status) {
        failuresLeft = count;
        failureStatus = status;
    }

    /** Every answer from now on comes after {@code wait} ({@link Duration#ZERO} to stop). */
    public synchronized void delay(Duration wait) {
        delay = wait;
    }

    /** Forgets the requests and the knobs; the webhooks stay. */
    public synchronized void reset() {
        requests.clear();
        windows.clear();
        rateLimitsLeft = 0;
        failuresLeft = 0;
        delay = Duration.ZERO;
    }

    // --- what was received -------------------------------------------------------------------------

    /** Every request, in arrival order, with the status it got. */
    public List<ReceivedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests to this webhook, whatever they got. */
    public List<ReceivedRequest> requests(Webhook webhook) {
        return requests.stream().filter(r -> r.webhookId().equals(webhook.id())).toList();
    }

    /** The message bodies this webhook posted (accepted requests only), in order. */
    public List<JsonNode> messages(Webhook webhook) {
        return requests(webhook).stream().filter(ReceivedRequest::accepted).map(ReceivedRequest::json).toList();
    }

    /** Waits until the webhook has posted at least {@code count} messages; returns them all. */
    public List<JsonNode> awaitMessages(Webhook webhook, int count, Duration timeout) {
        return Poll.until(count + " message(s) on " + webhook, timeout, () -> {
            List<JsonNode> posted = messages(webhook);
            return posted.size() >= count ? Optional.of(posted) : Optional.empty();
        }, () -> "requests " + requests(webhook));
    }

    // --- the endpoint ------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            pause(currentDelay());
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            String contentType = header(exchange, "Content-Type");
            Matcher webhookPath = WEBHOOK_PATH.matcher(path);
            boolean isWebhook = webhookPath.matches();
            Answer answer = isWebhook
                    ? webhookAnswer(exchange.getRequestMethod(), webhookPath.group(2), webhookPath.group(3), query,
                            contentType, body)
                    : error(404, "404: Not Found", 0);
            requests.add(new ReceivedRequest(clock.instant(), exchange.getRequestMethod(), path, query, contentType,
                    header(exchange, "User-Agent"), new String(body, StandardCharsets.UTF_8),
                    isWebhook ? webhookPath.group(2) : "", answer.status()));
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            if (answer.body() == null) {
                exchange.sendResponseHeaders(answer.status(), -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", JSON);
                exchange.sendResponseHeaders(answer.status(), answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        }
    }

    private Answer webhookAnswer(String method, String id, String token, String query, String contentType, byte[] body) {
        if (!method.equals("POST")) {
            return error(405, "405: Method Not Allowed", 0);
        }
        Answer injected = injectedAnswer(id);
        if (injected != null) {
            return injected;
        }
        if (!SNOWFLAKE.matcher(id).matches()) {
            ErrorTree errors = new ErrorTree();
            errors.add("NUMBER_TYPE_COERCE", "Value \"" + id + "\" is not snowflake.", "webhook_id");
            return formError(errors);
        }
        Webhook webhook = webhooks.get(id);
        if (webhook == null) {
            return error(404, "Unknown Webhook", 10015);
        }
        if (!webhook.token().equals(token)) {
            return error(401, "Invalid Webhook Token", 50027);
        }
        if (!contentType.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            return error(400, "Cannot send an empty message", 50006); // Discord reads no other body as JSON
        }
        JsonNode message;
        try {
            message = mapper.readTree(body);
        } catch (IOException e) {
            message = null;
        }
        if (message == null || !message.isObject()) {
            return error(400, "The request body contains invalid JSON.", 50109);
        }
        ErrorTree errors = MessageValidator.validate(message);
        if (!errors.isEmpty()) {
            return formError(errors);
        }
        if (MessageValidator.isEmpty(message)) {
            return error(400, "Cannot send an empty message", 50006);
        }
        Map<String, String> headers = bucketHeaders(RATE_LIMIT - 1, Duration.ofSeconds(1));
        if (query.matches("(?i)(.*&)?wait=(true|1)(&.*)?")) {
            return new Answer(200, headers, json(postedMessage(webhook, (ObjectNode) message)));
        }
        return new Answer(204, headers, null);
    }

    /** A failure or a rate limit the test asked for, or the rest of a rate-limit wait; null when none. */
    private synchronized Answer injectedAnswer(String id) {
        if (failuresLeft > 0) {
            failuresLeft--;
            return error(failureStatus, failureStatus + ": " + reason(failureStatus), 0);
        }
        Instant now = clock.instant();
        if (rateLimitsLeft > 0) {
            rateLimitsLeft--;
            windows.put(id, new RateLimitWindow(now.plus(rateLimitWait), rateLimitUnit));
            return rateLimited(rateLimitWait, rateLimitUnit);
        }
        RateLimitWindow window = windows.get(id);
        if (window != null && now.isBefore(window.until())) {
            return rateLimited(Duration.between(now, window.until()), window.unit());
        }
        return null;
    }

    private Answer rateLimited(Duration wait, RetryAfterUnit unit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "You are being rate limited.");
        Map<String, String> headers = bucketHeaders(0, wait);
        if (unit == RetryAfterUnit.SECONDS) {
            body.put("retry_after", Math.round(wait.toMillis()) / 1000.0);
            headers.put("Retry-After", String.valueOf((wait.toMillis() + 999) / 1000));
            headers.put("X-RateLimit-Scope", "user");
        } else {
            body.put("retry_after", wait.toMillis());
            headers.put("Retry-After", String.valueOf(wait.toMillis()));
        }
        body.put("global", false);
        return new Answer(429, headers, json(body));
    }

    private Map<String, String> bucketHeaders(int remaining, Duration resetAfter) {
        Map<String, String> headers = new LinkedHashMap<>();
        double resetAfterSeconds = resetAfter.toMillis() / 1000.0;
        headers.put("X-RateLimit-Limit", String.valueOf(RATE_LIMIT));
        headers.put("X-RateLimit-Remaining", String.valueOf(remaining));
        headers.put("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f",
                clock.instant().plus(resetAfter).toEpochMilli() / 1000.0));
        headers.put("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", resetAfterSeconds));
        headers.put("X-RateLimit-Bucket", "a1b2c3d4e5f60718293a4b5c6d7e8f90");
        return headers;
    }

    /** The message object Discord returns for {@code ?wait=true}. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> postedMessage(Webhook webhook, ObjectNode sent) {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("bot", true);
        author.put("id", webhook.id());
        author.put("username", sent.hasNonNull("username") ? sent.get("username").asText() : webhook.name());
        author.put("avatar", null);
        author.put("discriminator", "0000");
        List<Object> embeds = new ArrayList<>();
        sent.path("embeds").forEach(e -> {
            Map<String, Object> embed = mapper.convertValue(e, Map.class);
            embed.put("type", "rich");
            embeds.add(embed);
        });
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", 0);
        message.put("channel_id", webhook.channelId());
        message.put("content", sent.path("content").asText("").strip());
        message.put("attachments", List.of());
        message.put("embeds", embeds);
        message.put("timestamp", clock.instant().toString());
        message.put("edited_timestamp", null);
        message.put("flags", 0);
        message.put("components", List.of());
        message.put("id", snowflake());
        message.put("author", author);
        message.put("mentions", List.of());
        message.put("mention_roles", List.of());
        message.put("pinned", false);
        message.put("mention_everyone", false);
        message.put("tts", false);
        message.put("webhook_id", webhook.id());
        return message;
    }

    private Answer formError(ErrorTree errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 50035);
        body.put("errors", errors.asMap());
        body.put("message", "Invalid Form Body");
        return new Answer(400, new LinkedHashMap<>(), json(body));
    }

    /** Discord's error shape, {@code {"message": "...", "code": n}}. */
    private Answer error(int status, String message, int code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("code", code);
        return new Answer(status, new LinkedHashMap<>(), json(body));
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String snowflake() {
        long millis = System.currentTimeMillis() - DISCORD_EPOCH_MS;
        return Long.toString((millis << SNOWFLAKE_SHIFT) | (sequence.incrementAndGet() & 0xFFF));
    }

    private synchronized Duration currentDelay() {
        return delay;
    }

    private static void pause(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: answer at once
        }
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    private static String reason(int status) {
        return switch (status) {
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            default -> "Error";
        };
    }

    /** An id for names in logs; the token is never part of it. */
    @Override
    public String toString() {
        return "FakeDiscordWebhook[" + baseUrl() + "]";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
