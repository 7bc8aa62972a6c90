package org.paymenter.ext.testkit.fakes.stripe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.Stripe;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Stripe API on 127.0.0.1 for the calls the Stripe gateway makes, answering as Stripe does: form-encoded
 * bodies with bracket notation, Bearer secret-key auth (a wrong key is Stripe's 401), Stripe's object
 * shapes (prefixed ids, {@code object}, amounts in minor units, {@code livemode}), Stripe's error objects
 * and statuses (400, 402, 404, 429), and {@code Idempotency-Key} replay. It can be told to be slow, to
 * fail with a 5xx, or to rate-limit, and it records every request.
 *
 * <p>What a customer does in the browser (paying on the hosted Checkout page, confirming with Stripe.js)
 * is done with {@link #completeCheckout}, {@link #confirmPaymentIntent} and {@link #confirmSetupIntent};
 * {@link #event} renders the webhook Stripe would then send, to be signed with {@link StripeSignatures}.
 *
 * <pre>{@code
 * try (FakeStripe stripe = FakeStripe.start()) {
 *     config.put("api_base", stripe.apiBase());
 *     ...
 *     ObjectNode session = stripe.completeCheckout(sessionId);
 *     String payload = stripe.event("checkout.session.completed", sessionId);
 *     String header = StripeSignatures.header(payload, webhookSecret);
 * }
 * }</pre>
 */
public final class FakeStripe implements AutoCloseable {

    public static final String SECRET_KEY = "sk_test_51FakeStripeKey0000000000000000000000000000fake";
    public static final String PUBLISHABLE_KEY = "pk_test_51FakeStripeKey0000000000000000000000000000fake";
    /** The card the customer pays with unless a test says otherwise. */
    public static final String DEFAULT_BRAND = "visa";
    public static final String DEFAULT_LAST4 = "4242";
    /** A card whose charges Stripe declines (test card 4000 0000 0000 0002). */
    public static final String DECLINED_LAST4 = Charging.DECLINED_LAST4;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JSON = "application/json";
    private static final int THREADS = 8;
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final String secretKey;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Object lock = new Object();
    private final StripeStore store = new StripeStore();
    private final Charging charging = new Charging(store);
    private final Idempotency idempotency = new Idempotency();
    private final CheckoutResources checkout;
    private final WebhookEndpointResources webhookEndpoints;
    private final List<FakeRoute> routes = new ArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private volatile Duration delay = Duration.ZERO;
    private volatile int failStatus;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile boolean rateLimited;

    private FakeStripe(String secretKey, HttpServer server, ExecutorService executor) {
        this.secretKey = secretKey;
        this.server = server;
        this.executor = executor;
        this.checkout = new CheckoutResources(store, charging, apiBase());
        this.webhookEndpoints = new WebhookEndpointResources(store, Stripe.API_VERSION);
        routes.addAll(checkout.routes());
        routes.addAll(new PaymentResources(store, charging).routes());
        routes.addAll(new CustomerResources(store).routes());
        routes.addAll(webhookEndpoints.routes());
    }

    /** A fake accepting {@link #SECRET_KEY}, on a free loopback port. */
    public static FakeStripe start() {
        return start(SECRET_KEY);
    }

    public static FakeStripe start(String secretKey) {
        // The JDK server otherwise writes headers and body in two packets with Nagle on, and every answer waits
        // ~40 ms for the client's delayed ACK. Read once, when the first server of the JVM starts.
        System.setProperty(NODELAY, System.getProperty(NODELAY, "true"));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
                Thread t = new Thread(r, "fake-stripe");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            FakeStripe fake = new FakeStripe(secretKey, server, executor);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Stripe", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: what the gateway's {@code api_base} is set to. */
    public String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String secretKey() {
        return secretKey;
    }

    public String publishableKey() {
        return PUBLISHABLE_KEY;
    }

    // --- knobs --------------------------------------------------------------------------------------

    /** Every request from now on is answered {@code status} with Stripe's {@code api_error}, until {@link #recover()}. */
    public void failWith(int status) {
        failStatus = status;
        failuresLeft.set(Integer.MAX_VALUE);
    }

    /** The next {@code count} requests are answered {@code status}; then the fake works again. */
    public void failNext(int count, int status) {
        failStatus = status;
        failuresLeft.set(count);
    }

    /** Every request from now on is Stripe's 429 {@code rate_limit}, until {@link #recover()}. */
    public void rateLimit() {
        rateLimited = true;
    }

    /** Each answer is held back this long (zero: answer at once). */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    /** Undoes {@link #failWith}, {@link #failNext}, {@link #rateLimit} and {@link #delay}. */
    public void recover() {
        failuresLeft.set(0);
        rateLimited = false;
        delay = Duration.ZERO;
    }

    // --- what it received ---------------------------------------------------------------------------

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests to {@code method path} (exact path, no query), in order. */
    public List<RecordedRequest> requests(String method, String path) {
        return requests.stream().filter(r -> r.is(method, path)).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    // --- the account's state ------------------------------------------------------------------------

    /** A copy of the object with that id ({@code pi_...}, {@code cs_test_...}, ...). */
    public Optional<ObjectNode> object(String id) {
        synchronized (lock) {
            return store.find(id).map(ObjectNode::deepCopy);
        }
    }

    /** Copies of every object of a type ({@code "refund"}, {@code "webhook_endpoint"}), oldest first. */
    public List<ObjectNode> objects(String type) {
        synchronized (lock) {
            return store.all(type).stream().map(ObjectNode::deepCopy).toList();
        }
    }

    /** A webhook endpoint's signing secret (Stripe shows it once, at creation; the fake keeps it). */
    public String webhookSecret(String endpointId) {
        synchronized (lock) {
            return store.get("webhook_endpoint", endpointId).path("secret").asText();
        }
    }

    /** A webhook endpoint created directly, as an admin does in the dashboard; returns it with its secret. */
    public ObjectNode createWebhookEndpoint(String url, String... events) {
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("url", url);
        params.put("enabled_events", List.of(events));
        synchronized (lock) {
            return webhookEndpoints.create(new Params(params)).deepCopy();
        }
    }

    // --- what the customer does in the browser ------------------------------------------------------

    /** The customer pays (or saves a card) on the hosted page with {@value #DEFAULT_LAST4}; returns the session. */
    public ObjectNode completeCheckout(String sessionId) {
        return completeCheckout(sessionId, DEFAULT_BRAND, DEFAULT_LAST4);
    }

    /**
     * Charges a subscription's next period (what Stripe does at the period's end): returns the new paid invoice,
     * the object of the {@code invoice.payment_succeeded} event Stripe then sends.
     */
    public ObjectNode renewSubscription(String subscriptionId) {
        synchronized (lock) {
            return checkout.renew(subscriptionId).deepCopy();
        }
    }

    public ObjectNode completeCheckout(String sessionId, String brand, String last4) {
        synchronized (lock) {
            return checkout.complete(sessionId, brand, last4).deepCopy();
        }
    }

    /** Stripe.js confirmed the intent with a working card; returns the intent. */
    public ObjectNode confirmPaymentIntent(String paymentIntentId) {
        synchronized (lock) {
            ObjectNode pi = store.get("payment_intent", paymentIntentId);
            charging.succeed(pi, charging.cardPaymentMethod(DEFAULT_BRAND, DEFAULT_LAST4, null));
            return pi.deepCopy();
        }
    }

    /** Stripe.js confirmed the setup intent with a card, now saved on the intent's customer; returns the intent. */
    public ObjectNode confirmSetupIntent(String setupIntentId, String brand, String last4) {
        synchronized (lock) {
            ObjectNode si = store.get("setup_intent", setupIntentId);
            ObjectNode pm = charging.cardPaymentMethod(brand, last4, si.path("customer").asText(null));
            si.put("payment_method", pm.path("id").asText());
            si.put("status", "succeeded");
            return si.deepCopy();
        }
    }

    /**
     * Stripe.js confirmed the setup intent with a bank redirect ({@code ideal}, {@code bancontact} or
     * {@code sofort}): as at Stripe, the method on the intent is of that type, cannot be charged off-session,
     * and the setup attempt names the SEPA Direct Debit method Stripe generated from it, saved on the
     * customer. Returns the intent; {@code latest_attempt} is its attempt's id (expandable).
     */
    public ObjectNode confirmSetupIntentWithBankRedirect(String setupIntentId, String type, String ibanLast4) {
        if (!List.of("ideal", "bancontact", "sofort").contains(type)) {
            throw new IllegalArgumentException("not a bank redirect Stripe turns into SEPA Direct Debit: " + type);
        }
        synchronized (lock) {
            ObjectNode si = store.get("setup_intent", setupIntentId);
            String customer = si.path("customer").asText(null);
            ObjectNode redirect = store.create("pm_", "payment_method");
            redirect.put("type", type);
            ObjectNode details = redirect.putObject(type);
            switch (type) {
                case "ideal" -> details.put("bank", "ing").put("bic", "INGBNL2A");
                case "sofort" -> details.put("country", "DE");
                default -> { }
            }
            redirect.putNull("customer");
            redirect.putObject("metadata");
            ObjectNode sepa = store.create("pm_", "payment_method");
            sepa.put("type", "sepa_debit");
            sepa.putObject("sepa_debit").put("last4", ibanLast4).put("country", "NL").put("bank_code", "INGB");
            sepa.put("customer", customer);
            sepa.putObject("metadata");
            ObjectNode attempt = store.create("setatt_", "setup_attempt");
            attempt.put("setup_intent", setupIntentId);
            attempt.put("payment_method", redirect.path("id").asText());
            attempt.put("status", "succeeded");
            ObjectNode attemptDetails = attempt.putObject("payment_method_details");
            attemptDetails.put("type", type);
            attemptDetails.putObject(type).put("generated_sepa_debit", sepa.path("id").asText())
                    .put("iban_last4", ibanLast4);
            si.put("payment_method", redirect.path("id").asText());
            si.put("latest_attempt", attempt.path("id").asText());
            si.put("status", "succeeded");
            return si.deepCopy();
        }
    }

    /** A card saved on {@code customerId} (created when null, with {@code metadata[user_id]}); returns the method. */
    public ObjectNode savedCard(String customerId, String userId, String brand, String last4) {
        synchronized (lock) {
            String customer = customerId;
            if (customer == null) {
                ObjectNode c = store.create("cus_", "customer");
                c.putObject("metadata").put("user_id", userId);
                customer = c.path("id").asText();
            }
            return charging.cardPaymentMethod(brand, last4, customer).deepCopy();
        }
    }

    /** The webhook Stripe sends about the object {@code objectId} as it is now (see {@link StripeEvents}). */
    public String event(String type, String objectId) {
        return StripeEvents.event(type, object(objectId)
                .orElseThrow(() -> new IllegalArgumentException("the fake has no object " + objectId)));
    }

    // --- HTTP ---------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String encoded = "GET".equals(method) || "DELETE".equals(method) ? exchange.getRequestURI().getRawQuery()
                    : body;
            Map<String, Object> params = FormBody.parse(encoded);
            String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String version = exchange.getRequestHeaders().getFirst("Stripe-Version");
            pause();
            Idempotency.Answer answer = answer(exchange, method, path, body, params, idempotencyKey);
            requests.add(new RecordedRequest(method, path, params, idempotencyKey, version, answer.status()));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", JSON);
            exchange.getResponseHeaders().set("Request-Id", StripeIds.next("req_"));
            exchange.getResponseHeaders().set("Stripe-Version", version == null ? Stripe.API_VERSION : version);
            if (idempotencyKey != null) {
                exchange.getResponseHeaders().set("Idempotency-Key", idempotencyKey);
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private Idempotency.Answer answer(HttpExchange exchange, String method, String path, String body,
            Map<String, Object> params, String idempotencyKey) {
        try {
            if (rateLimited) {
                throw StripeError.rateLimited();
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw StripeError.apiError(failStatus);
            }
            String key = apiKey(exchange.getRequestHeaders().getFirst("Authorization"));
            synchronized (lock) {
                boolean idempotent = "POST".equals(method) && idempotencyKey != null;
                if (idempotent) {
                    Optional<Idempotency.Answer> kept = idempotency.replay(key, idempotencyKey, method, path, body);
                    if (kept.isPresent()) {
                        exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
                        return kept.get();
                    }
                }
                Idempotency.Answer answer = dispatch(method, path, new Params(params));
                if (idempotent) {
                    idempotency.keep(key, idempotencyKey, method, path, body, answer);
                }
                return answer;
            }
        } catch (StripeError e) {
            return new Idempotency.Answer(e.status(), write(e.body()));
        }
    }

    private Idempotency.Answer dispatch(String method, String path, Params params) {
        for (FakeRoute route : routes) {
            Optional<List<String>> ids = route.match(method, path);
            if (ids.isPresent()) {
                try {
                    return new Idempotency.Answer(200, write(route.handler().handle(ids.get(), params)));
                } catch (StripeError e) {
                    return new Idempotency.Answer(e.status(), write(e.body()));
                }
            }
        }
        throw StripeError.unknownUrl(method, path);
    }

    /** The secret key of a Bearer or Basic (key as user name) Authorization header; Stripe's 401 otherwise. */
    private String apiKey(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw StripeError.noApiKey();
        }
        String key;
        if (authorization.startsWith("Bearer ")) {
            key = authorization.substring("Bearer ".length()).trim();
        } else if (authorization.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length()).trim()),
                    StandardCharsets.UTF_8);
            key = decoded.split(":", 2)[0];
        } else {
            throw StripeError.noApiKey();
        }
        if (!key.equals(secretKey)) {
            throw StripeError.invalidApiKey(key);
        }
        return key;
    }

    private void pause() {
        Duration d = delay;
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
