package org.paymenter.ext.bench;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * bench-api's baseline: Jetty 12 with one {@code Handler.Abstract} answering every request with the same
 * JSON bytes, on a thread pool and connector set up like the admin API's (64/4 threads, 30 s idle, no
 * server header). No routing, no auth, no JSON writing, no access log.
 *
 * <pre>BareJetty BODY_FILE [PORT]</pre> prints {@code bare jetty on http://127.0.0.1:<port>}.
 */
public final class BareJetty {

    private BareJetty() {
    }

    public static void main(String[] args) throws Exception {
        byte[] body = Files.readAllBytes(Path.of(args[0]));
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        QueuedThreadPool threads = new QueuedThreadPool(64, 4, 30_000);
        threads.setName("http");
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setIdleTimeout(30_000);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        server.start();
        System.out.println("bare jetty on http://127.0.0.1:" + connector.getLocalPort() + " (" + body.length + " bytes)");
        server.join();
    }
}
