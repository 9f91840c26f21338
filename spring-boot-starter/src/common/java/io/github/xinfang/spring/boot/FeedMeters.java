package io.github.xinfang.spring.boot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The feed runner as Micrometer meters, tagged by {@code follower} (the handler's name): the gauge
 * {@code xinfang.feed.lag} (how many changes the follower is behind the feed's head, as of its last poll; NaN before
 * the first poll or when unknown), the counter {@code xinfang.feed.polls} by {@code result} ({@code ok},
 * {@code failed}), and the counter {@code xinfang.feed.changes} (changes handled and committed). Thread-safe.
 */
final class FeedMeters implements Consumer<FeedRunner.Status> {
    private final Map<String, Counter> ok = new HashMap<>();
    private final Map<String, Counter> failed = new HashMap<>();
    private final Map<String, Counter> changes = new HashMap<>();

    FeedMeters(MeterRegistry registry, FeedRunner runner) {
        for (String follower : runner.followers()) {
            Gauge.builder("xinfang.feed.lag", runner, r -> r.status(follower)
                            .map(s -> s.lag().isPresent() ? (double) s.lag().getAsLong() : Double.NaN).orElse(Double.NaN))
                    .description("Changes of the xinfang change feed a follower has yet to handle, as of its last poll")
                    .tag("follower", follower)
                    .register(registry);
            ok.put(follower, polls(registry, follower, "ok"));
            failed.put(follower, polls(registry, follower, "failed"));
            changes.put(follower, Counter.builder("xinfang.feed.changes").description("Changes a follower of the xinfang change feed handled")
                    .tag("follower", follower).register(registry));
        }
    }

    private static Counter polls(MeterRegistry registry, String follower, String result) {
        return Counter.builder("xinfang.feed.polls").description("Polls of a follower of the xinfang change feed")
                .tag("follower", follower).tag("result", result).register(registry);
    }

    @Override
    public void accept(FeedRunner.Status status) {
        Counter c = (status.failure() == null ? ok : failed).get(status.follower());
        if (c != null) c.increment();
        Counter handled = changes.get(status.follower());
        if (handled != null && status.handled() > 0) handled.increment(status.handled());
    }
}
