package io.github.xinfang.examples.portal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP client of a running portal, acting as one official (or nobody), with fresh idempotency keys.
 *
 * @param port the portal's port
 * @param official the official the requests act as, or null for nobody
 */
record Http(int port, String official) {
    private static final AtomicInteger KEYS = new AtomicInteger();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A response: its status, its body as text and, when it is JSON, parsed. */
    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** @return a client acting as {@code official} (or nobody, if null) */
    Http as(String official) {
        return new Http(port, official);
    }

    /** POSTs with a fresh {@code Idempotency-Key}. */
    Response post(String path, String jsonBody) {
        return post(path, jsonBody, "it-" + ProcessHandle.current().pid() + "-" + KEYS.incrementAndGet());
    }

    /** POSTs with the given {@code Idempotency-Key} (or none, if null). */
    Response post(String path, String jsonBody, String key) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .POST(jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (key != null) b.header("Idempotency-Key", key);
        return send(b);
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Accept-Language", "zh-CN");
        if (official != null) b.header("X-Official", official);
        return b;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
