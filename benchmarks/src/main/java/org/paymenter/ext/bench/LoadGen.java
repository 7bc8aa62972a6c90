package org.paymenter.ext.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * bench-api's load generator, run as its own process: N threads, each with one keep-alive HTTP/1.1
 * connection (a plain socket), sending the same GET back to back (closed loop) for a warm-up and then a
 * measured window. A request counts if it started in the window and ended well (status 200, the whole
 * body read by Content-Length). Prints one {@link LoadResult} line.
 *
 * <pre>LoadGen URL TOKEN CONNECTIONS WARMUP_SECONDS MEASURE_SECONDS [POST BODY_TEMPLATE [HEADER:VALUE ...]]</pre>
 * (TOKEN "-" sends no Authorization). With {@code POST}, every request carries {@code BODY_TEMPLATE} with
 * {@code {seq}} replaced by a number unique within the run (bench-ledger: a new payment per webhook) and
 * the given headers.
 */
public final class LoadGen {

    private static volatile long measureFrom;
    private static volatile long measureUntil;

    private LoadGen() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String token = args[1];
        int connections = Integer.parseInt(args[2]);
        double warmup = Double.parseDouble(args[3]);
        double measure = Double.parseDouble(args[4]);
        String head = " " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAccept: application/json\r\n" + ("-".equals(token) ? "" : "Authorization: Bearer " + token + "\r\n");
        Supplier<byte[]> request = args.length > 5 && args[5].equals("POST")
                ? posts(head, args[6], Arrays.copyOfRange(args, 7, args.length))
                : constant(("GET" + head + "\r\n").getBytes(StandardCharsets.US_ASCII));

        long start = System.nanoTime();
        measureFrom = start + (long) (warmup * 1e9);
        measureUntil = measureFrom + (long) (measure * 1e9);
        AtomicLong errors = new AtomicLong();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker w = new Worker(new InetSocketAddress(uri.getHost(), uri.getPort()), request, errors);
            w.setName("load-" + i);
            workers.add(w);
            w.start();
        }
        long total = 0;
        for (Worker w : workers) {
            w.join();
            total += w.count;
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.count);
            at += w.count;
        }
        Arrays.sort(all);
        System.out.println(new LoadResult(total, errors.get(), measure, percentile(all, 50), percentile(all, 99),
                all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6).toLine());
    }

    private static Supplier<byte[]> constant(byte[] request) {
        return () -> request;
    }

    /** POSTs of the body template with {@code {seq}} numbered, and the extra headers. */
    private static Supplier<byte[]> posts(String head, String bodyTemplate, String[] headers) {
        AtomicLong seq = new AtomicLong();
        StringBuilder extra = new StringBuilder();
        for (String header : headers) {
            extra.append(header).append("\r\n");
        }
        String fixed = "POST" + head + extra;
        return () -> {
            byte[] body = bodyTemplate.replace("{seq}", Long.toString(seq.incrementAndGet()))
                    .getBytes(StandardCharsets.UTF_8);
            byte[] start = (fixed + "Content-Type: text/plain\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] whole = Arrays.copyOf(start, start.length + body.length);
            System.arraycopy(body, 0, whole, start.length, body.length);
            return whole;
        };
    }

    private static double percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /** One connection in a closed loop; records the latency (ns) of each request started in the window. */
    private static final class Worker extends Thread {
        private final InetSocketAddress address;
        private final Supplier<byte[]> request;
        private final AtomicLong errors;
        private final StringBuilder buffer = new StringBuilder();
        private InputStream in;
        private OutputStream out;
        long[] latencies = new long[1 << 16];
        int count;

        Worker(InetSocketAddress address, Supplier<byte[]> request, AtomicLong errors) {
            this.address = address;
            this.request = request;
            this.errors = errors;
        }

        @Override
        public void run() {
            Socket socket = null;
            while (true) {
                long begin = System.nanoTime();
                if (begin >= measureUntil) {
                    break;
                }
                try {
                    if (socket == null) {
                        socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.connect(address, 5_000);
                        socket.setSoTimeout(10_000);
                        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                        out = socket.getOutputStream();
                    }
                    out.write(request.get());
                    out.flush();
                    int status = readResponse();
                    long end = System.nanoTime();
                    if (status != 200) {
                        errors.incrementAndGet();
                    } else if (begin >= measureFrom && end <= measureUntil) {
                        record(end - begin);
                    }
                } catch (IOException e) {
                    if (begin >= measureFrom) {
                        errors.incrementAndGet();
                    }
                    close(socket);
                    socket = null;
                }
            }
            close(socket);
        }

        /** Reads one response: status line, headers, Content-Length bytes of body. Returns the status. */
        private int readResponse() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Long.parseLong(header.substring(15).trim());
                }
            }
            if (length < 0) {
                throw new IOException("no Content-Length in the response (chunked?)");
            }
            in.skipNBytes(length);
            return status;
        }

        private String line() throws IOException {
            buffer.setLength(0);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new EOFException("connection closed by the server");
                }
                if (c != '\r') {
                    buffer.append((char) c);
                }
            }
            return buffer.toString();
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        private static void close(Socket socket) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }
}
