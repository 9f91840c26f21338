package io.github.xinfang.spring.boot;

import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.ChangeFeed;
import io.github.xinfang.persistence.jdbc.JdbcFeedPositions;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.ChangeFollower;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * Hands the change feed to the application's {@link CaseChangeHandler} beans on a thread of its own
 * ({@code xinfang-feed}), from the application's start to its stop: every {@code xinfang.feed.interval}, for each
 * handler in turn, one batch of at most {@code xinfang.feed.batch-size} changes, and while a batch was full, the next
 * one at once.
 *
 * <p>A batch is one Spring transaction (the application's {@code PlatformTransactionManager}, at READ COMMITTED): lock
 * the follower's position row ({@code xf_feed_positions} in xinfang's schema, through {@link JdbcFeedPositions}), read
 * the changes after it, call the handler for each in commit order, save the position of the last, commit. So the
 * handler's own writes in that transaction and the position commit together or not at all, and another node running
 * the same follower waits for the lock and then reads the saved position: a change is handled once in total, whichever
 * node handles it. If the handler throws, everything is rolled back and the batch is handed on again at the next poll.
 *
 * <p>Without a JDBC store (the in-memory store of an application without a {@code DataSource}) positions are kept in
 * this runner's memory, saved once the batch's transaction (if the application has a transaction manager) commits:
 * they start at 0 with every start, as the in-memory store itself does, and each node follows its own store.
 *
 * <p>A failure is logged once, with its cause, when it first occurs for a follower (a different failure is logged
 * again); the next success is logged too. Each follower's last poll (its position, the feed's head, the lag between
 * them, a failure) stays readable ({@link #status}) for health checks and meters. Stopping lets the running batch
 * finish. Thread-safe; polls of one runner never overlap.
 *
 * @since 0.4
 */
public final class FeedRunner implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(FeedRunner.class);

    /**
     * What a follower's last poll did.
     *
     * @param follower the follower's name
     * @param at the instant the poll began
     * @param position the follower's saved position after the poll (unknown if its row could not be read)
     * @param head the feed's head after the poll (unknown if the poll failed before reading it)
     * @param handled how many changes the poll handled and committed (0 if it failed)
     * @param failure why the poll failed, or null
     */
    public record Status(String follower, Instant at, OptionalLong position, OptionalLong head, int handled, Throwable failure) {
        /**
         * @throws NullPointerException naming a null argument (other than failure)
         */
        public Status {
            Objects.requireNonNull(follower, "follower");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(head, "head");
        }

        /** @return how many changes the follower is behind the feed's head (as of the poll), if both are known */
        public OptionalLong lag() {
            return position.isPresent() && head.isPresent()
                    ? OptionalLong.of(Math.max(0, head.getAsLong() - position.getAsLong())) : OptionalLong.empty();
        }
    }

    /** Where followers' positions are kept. */
    interface Positions {
        /** Locks the follower's position for the current transaction (if any) and reads it. */
        long lock(String follower);

        /** Saves the follower's position in the current transaction (if any). */
        void save(String follower, long position);
    }

    /** Positions in xinfang's schema, on the connection of the Spring transaction. */
    static Positions jdbc(JdbcFeedPositions positions) {
        Objects.requireNonNull(positions, "positions");
        return new Positions() {
            @Override
            public long lock(String follower) {
                return positions.lock(follower);
            }

            @Override
            public void save(String follower, long position) {
                positions.save(follower, position);
            }
        };
    }

    /** Positions in memory: saved when the current transaction commits, or at once without one. */
    static Positions inMemory() {
        Map<String, Long> saved = new ConcurrentHashMap<>();
        return new Positions() {
            @Override
            public long lock(String follower) {
                return saved.getOrDefault(follower, 0L);
            }

            @Override
            public void save(String follower, long position) {
                if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                    saved.put(follower, position);
                    return;
                }
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        saved.put(follower, position);
                    }
                });
            }
        };
    }

    /** How far beyond a follower's position {@link #headByReading} counts. */
    static final long HEAD_READ_CAP = 100_000;

    /**
     * The head of a feed other than the JDBC store's, found by reading it from a follower's position in pages, up to
     * {@value #HEAD_READ_CAP} changes beyond (so a lag shown for such a store is at most that).
     */
    static LongUnaryOperator headByReading(ChangeFeed feed) {
        Objects.requireNonNull(feed, "feed");
        return from -> {
            int page = 1000;
            long p = from;
            while (p - from < HEAD_READ_CAP) {
                List<Change> changes = feed.changesAfter(p, page);
                if (changes.isEmpty()) break;
                p = changes.get(changes.size() - 1).position();
                if (changes.size() < page) break;
            }
            return p;
        };
    }

    private final CaseService service;
    private final List<CaseChangeHandler> handlers;
    private final Positions positions;
    private final PlatformTransactionManager transactionManager;
    private final LongUnaryOperator headFrom;
    private final InstantSource clock;
    private final Duration interval;
    private final int batchSize;
    private final Map<String, TransactionTemplate> transactions = new HashMap<>();
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    /** Per follower, the failure last logged (class, message, position), or absent while it works. */
    private final Map<String, String> failing = new ConcurrentHashMap<>();
    private final RunListeners<Status> listeners = new RunListeners<>("xinfang feed runner", log);
    private final Object polling = new Object();
    private final BackgroundThread thread;
    private volatile boolean stopping;

    /**
     * @param service the case service whose feed is followed
     * @param handlers the followers, each with a valid name of its own
     * @param positions where their positions are kept
     * @param transactionManager the transactions a batch runs in, or null to run without one (in-memory positions only)
     * @param headFrom the feed's head, given a position known to be at or before it
     * @param clock the application's clock
     * @param interval the pause between polls, positive
     * @param batchSize the most changes one batch hands on, at least 1
     * @throws IllegalArgumentException if a name is invalid or taken twice, the interval is not positive or the batch
     *     size below 1
     */
    FeedRunner(CaseService service, List<CaseChangeHandler> handlers, Positions positions,
               PlatformTransactionManager transactionManager, LongUnaryOperator headFrom, InstantSource clock,
               Duration interval, int batchSize) {
        this.service = Objects.requireNonNull(service, "service");
        this.handlers = List.copyOf(handlers);
        this.positions = Objects.requireNonNull(positions, "positions");
        this.transactionManager = transactionManager;
        this.headFrom = Objects.requireNonNull(headFrom, "headFrom");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("xinfang.feed.interval must be positive");
        if (batchSize < 1) throw new IllegalArgumentException("xinfang.feed.batch-size must be at least 1");
        this.batchSize = batchSize;
        this.thread = new BackgroundThread("xinfang-feed", interval, this::drain, log);
        Map<String, CaseChangeHandler> byName = new LinkedHashMap<>();
        for (CaseChangeHandler h : this.handlers) {
            String name = h.follower();
            try {
                JdbcFeedPositions.checkFollower(name);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the CaseChangeHandler " + h + " has an invalid follower name: " + e.getMessage(), e);
            }
            CaseChangeHandler other = byName.putIfAbsent(name, h);
            if (other != null) {
                throw new IllegalArgumentException("two CaseChangeHandlers have the follower name " + name + " (" + other + " and "
                        + h + "): each follower keeps a position of its own, so each needs a name of its own");
            }
            if (transactionManager != null) {
                TransactionTemplate t = new TransactionTemplate(transactionManager);
                t.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
                t.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
                t.setName("xinfang-feed:" + name);
                transactions.put(name, t);
            }
        }
    }

    /** @return the followers' names, in the order they are polled */
    public List<String> followers() {
        List<String> names = new ArrayList<>();
        for (CaseChangeHandler h : handlers) names.add(h.follower());
        return names;
    }

    /**
     * @param follower a follower's name
     * @return what its last poll did, if it was polled
     */
    public Optional<Status> status(String follower) {
        return Optional.ofNullable(statuses.get(Objects.requireNonNull(follower, "follower")));
    }

    /** @return the last poll of every follower polled so far, in poll order */
    public List<Status> statuses() {
        List<Status> out = new ArrayList<>();
        for (CaseChangeHandler h : handlers) {
            Status s = statuses.get(h.follower());
            if (s != null) out.add(s);
        }
        return out;
    }

    /** Tells a listener (the meters) of every poll from now on; a listener that throws is logged and kept. */
    void onPoll(Consumer<Status> listener) {
        listeners.add(listener);
    }

    /**
     * Polls every follower once, on the calling thread (the background thread calls it too): one batch each.
     *
     * @return true if some follower's batch was full (more changes may be waiting)
     */
    boolean pollOnce() {
        synchronized (polling) {
            boolean full = false;
            for (CaseChangeHandler h : handlers) {
                if (stopping) break;
                full |= poll(h) >= batchSize;
            }
            return full;
        }
    }

    /** Polls until no batch is full, or the runner stops. */
    private void drain() {
        while (pollOnce() && !stopping) {
            // a full batch: the next one follows at once
        }
    }

    /** @return how many changes were handled and committed */
    private int poll(CaseChangeHandler handler) {
        String name = handler.follower();
        Instant at = clock.instant();
        long[] read = {-1};   // the position locked, once known
        long position;
        int handled;
        try {
            position = inTransaction(name, () -> {
                long from = positions.lock(name);
                read[0] = from;
                long to = ChangeFollower.after(service, from, batchSize, handler::handle).pollOnce();
                if (to != from) positions.save(name, to);
                return to;
            });
            handled = (int) (position - read[0]);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            Status previous = statuses.get(name);
            OptionalLong known = read[0] >= 0 ? OptionalLong.of(read[0]) : previous != null ? previous.position() : OptionalLong.empty();
            failed(new Status(name, at, known, previous != null ? previous.head() : OptionalLong.empty(), 0, e),
                    read[0] >= 0 ? String.valueOf(read[0]) : "?");
            return 0;
        }
        try {
            long head = headFrom.applyAsLong(position);
            succeeded(new Status(name, at, OptionalLong.of(position), OptionalLong.of(Math.max(head, position)), handled, null));
        } catch (RuntimeException e) {
            failed(new Status(name, at, OptionalLong.of(position), OptionalLong.empty(), handled, e), String.valueOf(position));
        }
        return handled;
    }

    private long inTransaction(String follower, Supplier<Long> batch) {
        TransactionTemplate t = transactions.get(follower);
        if (t == null) return batch.get();
        Long result = t.execute(status -> batch.get());
        return Objects.requireNonNull(result, "batch result");
    }

    private void succeeded(Status status) {
        statuses.put(status.follower(), status);
        if (failing.remove(status.follower()) != null) {
            log.info("xinfang feed follower {} works again: at position {} at {}", status.follower(),
                    status.position().getAsLong(), status.at());
        }
        if (status.handled() > 0) {
            log.debug("xinfang feed follower {} handled {} changes, now at position {}", status.follower(), status.handled(),
                    status.position().getAsLong());
        }
        listeners.tell(status);
    }

    private void failed(Status status, String from) {
        statuses.put(status.follower(), status);
        Throwable e = status.failure();
        String key = e.getClass().getName() + ": " + e.getMessage() + " after " + from;
        String before = failing.put(status.follower(), key);
        if (!key.equals(before)) {
            log.warn("xinfang feed follower {} failed handling the changes after position {} at {}; its batch was rolled back"
                    + " and is handed on again every {}", status.follower(), from, status.at(), interval, e);
        } else {
            log.debug("xinfang feed follower {} failed again after position {} at {}: {}", status.follower(), from, status.at(),
                    e.toString());
        }
        listeners.tell(status);
    }

    @Override
    public void start() {
        stopping = false;
        thread.start();
    }

    @Override
    public void stop() {
        stopping = true;
        thread.stop();
    }

    @Override
    public boolean isRunning() {
        return thread.isRunning();
    }
}
