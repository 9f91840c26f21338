package io.github.xinfang.persistence.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback between a pool and a database server that can cut every connection through it at once, as a
 * failing network or a firewall dropping sessions does: the client's socket and the server's are closed in the middle of
 * whatever they were doing (a statement, a commit). New connections go through as before. Thread-safe.
 */
final class CuttingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong cut = new AtomicLong();
    private volatile boolean closed;

    private CuttingProxy(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** @return a proxy listening on a free loopback port, forwarding to the target */
    static CuttingProxy start(String host, int port) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        CuttingProxy proxy = new CuttingProxy(server, new InetSocketAddress(host, port));
        Thread accept = new Thread(proxy::acceptLoop, "cutting-proxy-accept");
        accept.setDaemon(true);
        accept.start();
        return proxy;
    }

    /** @return the port clients connect to */
    int port() {
        return server.getLocalPort();
    }

    /** @return how many connections were cut so far */
    long cutConnections() {
        return cut.get();
    }

    /** Cuts every connection open now (both sides); returns how many client connections were cut. */
    int cutAll() {
        int n = 0;
        for (Socket s : open) {
            if (open.remove(s)) {
                closeQuietly(s);
                n++;
            }
        }
        cut.addAndGet(n / 2);
        return n / 2;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                try {
                    upstream.connect(target, 5_000);
                } catch (IOException e) {
                    closeQuietly(client);
                    closeQuietly(upstream);
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                if (!closed) continue;
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side closed, or the connection was cut: close both
            } finally {
                open.remove(from);
                open.remove(to);
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "cutting-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing a socket that failed: nothing more to do
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        cutAll();
    }
}
