package org.paymenter.ext.testkit.fakes.proxmox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A Proxmox VE API on loopback (ephemeral port) for the calls the Proxmox extension makes
 * (spec §2.1.3): version, nodes, next VMID, storages and their content, bridges, the QEMU list, create,
 * clone, config, resize, power actions and destroy, and task status.
 *
 * <p>{@link #start()} serves plain HTTP; {@link #startHttps()} serves HTTPS with a self-signed certificate.
 * It answers as the real API does: {@code {"data": ...}} bodies; API-token auth
 * ({@code Authorization: PVEAPIToken=USER@REALM!TOKENID=SECRET}), a wrong or missing token getting 401 with
 * an empty body; errors as {@code {"data": null, "message": "...\n"}} (plus {@code errors} for 400 parameter
 * errors); write calls that do work return a UPID whose task answers {@code running} for a few polls and
 * then {@code stopped} with exit status {@code OK}, its effect (clone, start, ...) visible only from then on.
 * It keeps every VM in memory so tests can check status, cores, memory and disk after each step.
 *
 * <p>It can be told to fail the next task with an exit status, to answer 500 on a path, or to be slow, and
 * it records every request. Not modelled: ticket auth, LXC, firewall, backups, pools, and the real API's
 * 3-second delay on failed logins. Proxmox VE has no rate limit of its own, so neither has the fake.
 *
 * <pre>{@code
 * try (FakeProxmox pve = FakeProxmox.start()) {
 *     Map<String, Object> config = pve.instanceConfig();   // host, port, scheme, token, node
 *     ...
 *     assertThat(pve.vm(100).orElseThrow().running()).isTrue();
 * }
 * }</pre>
 */
public final class FakeProxmox implements AutoCloseable {

    public static final String NODE = "pve1";
    public static final String OTHER_NODE = "pve2";
    public static final int TEMPLATE_VMID = 9000;
    public static final String TEMPLATE_NAME = "debian-12-cloud";
    public static final int TEMPLATE_DISK_GIB = 2;
    public static final String IMAGE_STORAGE = "local-lvm";
    public static final String ISO_STORAGE = "local";
    public static final String ISO = "local:iso/debian-12.7.0-amd64-netinst.iso";
    public static final String BRIDGE = "vmbr0";
    public static final String OTHER_BRIDGE = "vmbr1";
    public static final String TOKEN_ID = "paymenter@pve!billing";
    /** What {@link #respondWith500(String)} answers unless told otherwise. */
    public static final String INJECTED_FAILURE = "got timeout (injected by FakeProxmox)";


    private final String tokenSecret = UUID.randomUUID().toString();
    private final PveCluster cluster = new PveCluster();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> failingPaths = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean messagesInBody = true;

    private FakeProxmox(boolean tls) throws IOException {
        seed();
        List<PveRoute> routes = new ArrayList<>(new ClusterApi(cluster).routes());
        routes.addAll(new QemuApi(cluster).routes());
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-proxmox");
            t.setDaemon(true);
            return t;
        });
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls) {
            HttpsServer https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(SelfSignedTls.create(NODE + ".invalid")));
            server = https;
        } else {
            server = HttpServer.create(loopback, 0);
        }
        server.createContext("/", new PveHttpHandler(cluster, routes, TOKEN_ID, tokenSecret, requests, failingPaths,
                () -> delay, () -> messagesInBody));
        server.setExecutor(executor);
        server.start();
    }

    /** A running fake with two nodes, a cloud-init template, an ISO, two storages and two bridges. */
    public static FakeProxmox start() {
        return start(false);
    }

    /**
     * The same over HTTPS with a fresh self-signed certificate for {@code pve1.invalid}, as a node has before
     * its admin installs a real one: a client that verifies certificates must refuse it.
     */
    public static FakeProxmox startHttps() {
        return start(true);
    }

    private static FakeProxmox start(boolean tls) {
        try {
            return new FakeProxmox(tls);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Proxmox VE", e);
        }
    }

    private void seed() {
        cluster.nodes.addAll(List.of(NODE, OTHER_NODE));
        cluster.storages.add(ClusterApi.storage(ISO_STORAGE, "dir", "iso,vztmpl,backup"));
        cluster.storages.add(ClusterApi.storage(IMAGE_STORAGE, "lvmthin", "images,rootdir"));
        cluster.isoImages.put(ISO_STORAGE, List.of(ISO, "local:iso/ubuntu-24.04.1-live-server-amd64.iso"));
        cluster.networks.add(ClusterApi.iface("eno1", "eth", true));
        cluster.networks.add(ClusterApi.iface(BRIDGE, "bridge", true));
        cluster.networks.add(ClusterApi.iface(OTHER_BRIDGE, "bridge", true));
        cluster.networks.add(ClusterApi.iface("vmbr9", "bridge", false));
        FakeVm template = new FakeVm(TEMPLATE_VMID, NODE);
        template.config.putAll(Map.of("name", TEMPLATE_NAME, "template", "1", "cores", "1", "memory", "1024",
                "ostype", "l26", "agent", "1", "scsihw", "virtio-scsi-pci", "boot", "order=scsi0",
                "scsi0", IMAGE_STORAGE + ":base-" + TEMPLATE_VMID + "-disk-0,size=" + TEMPLATE_DISK_GIB + "G",
                "ide2", IMAGE_STORAGE + ":vm-" + TEMPLATE_VMID + "-cloudinit,media=cdrom"));
        template.config.put("net0", "virtio=BC:24:11:9A:00:01,bridge=" + BRIDGE);
        cluster.vms.put(TEMPLATE_VMID, template);
    }

    // --- where it is ----------------------------------------------------------------------------------

    public String host() {
        return server.getAddress().getAddress().getHostAddress();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http} or {@code https}. */
    public String scheme() {
        return server instanceof HttpsServer ? "https" : "http";
    }

    /** {@code http://127.0.0.1:<port>} (or https); the API is under {@code /api2/json}. */
    public URI baseUri() {
        return URI.create(scheme() + "://" + host() + ":" + port());
    }

    public String tokenId() {
        return TOKEN_ID;
    }

    public String tokenSecret() {
        return tokenSecret;
    }

    /** The Authorization header value the fake accepts. */
    public String authorization() {
        return PveHttpHandler.TOKEN_PREFIX + TOKEN_ID + "=" + tokenSecret;
    }

    /**
     * A Proxmox extension instance config pointing here: host, port, {@link #scheme()}, the token, node
     * {@value #NODE}, storage {@value #IMAGE_STORAGE} and bridge {@value #BRIDGE}. TLS verification is left
     * at its default (on), which the HTTPS fake's self-signed certificate fails.
     */
    public Map<String, Object> instanceConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("host", host());
        config.put("port", port());
        config.put("scheme", scheme());
        config.put("token_id", TOKEN_ID);
        config.put("token_secret", tokenSecret);
        config.put("node", NODE);
        config.put("storage", IMAGE_STORAGE);
        config.put("bridge", BRIDGE);
        return config;
    }

    // --- knobs ----------------------------------------------------------------------------------------

    /** How many status polls a task answers {@code running} before it stops (default 1; 0 = done at once). */
    public FakeProxmox taskPolls(int runningPolls) {
        if (runningPolls < 0) {
            throw new IllegalArgumentException("runningPolls must not be negative");
        }
        cluster.runningPolls(runningPolls);
        return this;
    }

    /** The next task of any type stops with {@code exitStatus} instead of OK, and without its effect. */
    public FakeProxmox failNextTask(String exitStatus) {
        cluster.failNextTask(null, exitStatus);
        return this;
    }

    /** The next task of {@code type} ({@code qmclone}, {@code qmstart}, {@code qmresize}, ...) fails so. */
    public FakeProxmox failNextTask(String type, String exitStatus) {
        cluster.failNextTask(type, exitStatus);
        return this;
    }

    /** Every call to {@code apiPath} (e.g. {@code /cluster/nextid}), whatever its method, answers 500. */
    public FakeProxmox respondWith500(String apiPath) {
        return respondWith500(apiPath, INJECTED_FAILURE);
    }

    public FakeProxmox respondWith500(String apiPath, String message) {
        failingPaths.put(apiPath, message);
        return this;
    }

    /** Waits this long before answering each request (zero to stop). */
    public FakeProxmox delay(Duration perRequest) {
        this.delay = perRequest;
        return this;
    }

    /**
     * Whether an error's reason also goes into the body's {@code message} (default), as pve-http-server 5.2
     * and later do; false gives the older shape of spec §2.1.3, {@code {"data": null}} with the reason only
     * in the status line, which a client of the JDK's HttpClient cannot read.
     */
    public FakeProxmox messagesInBody(boolean inBody) {
        this.messagesInBody = inBody;
        return this;
    }

    /** Moves a VM to another node of the cluster, as a migration (or HA) does behind the panel's back. */
    public FakeProxmox migrate(int vmid, String node) {
        synchronized (cluster) {
            cluster.requireNode(node);
            FakeVm vm = cluster.vms.get(vmid);
            if (vm == null) {
                throw new IllegalArgumentException("no VM " + vmid);
            }
            vm.node = node;
        }
        return this;
    }

    /** Forgets every failure, the delay and the request log; VMs stay as they are. */
    public FakeProxmox reset() {
        messagesInBody = true;
        failingPaths.clear();
        cluster.clearTaskFailures();
        cluster.runningPolls(1);
        delay = Duration.ZERO;
        requests.clear();
        return this;
    }

    // --- what it holds and received --------------------------------------------------------------------

    public Optional<VmState> vm(int vmid) {
        synchronized (cluster) {
            return Optional.ofNullable(cluster.vms.get(vmid)).map(FakeVm::snapshot);
        }
    }

    public List<VmState> vms() {
        synchronized (cluster) {
            return cluster.vms.values().stream().map(FakeVm::snapshot).toList();
        }
    }

    /** Every request so far, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests whose {@code "METHOD /path"} is {@code call}. */
    public List<RecordedRequest> requests(String call) {
        return requests.stream().filter(r -> r.call().equals(call)).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
