package io.github.xinfang.spring.boot;

import io.github.xinfang.service.CaseChange;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A follower of the change feed as a bean: a projection, a notifier, a search index that the {@link FeedRunner} hands
 * every change of the case store to, once, in commit order, whichever node of the application runs it.
 *
 * <p>The runner calls {@link #handle} on its own thread, inside a Spring transaction that also locks and saves the
 * follower's position (over the application's {@code DataSource}: a row of {@code xf_feed_positions} in xinfang's
 * schema). Write the handler's effects through that transaction (a {@code JdbcTemplate}, JPA, or the
 * {@code CaseService} itself in the participating mode) and they commit with the position or not at all: if
 * {@code handle} throws, the whole batch is rolled back and handed on again at the next poll. Effects outside the
 * transaction (a message sent, an HTTP call) may be repeated after a failure: make them idempotent by
 * {@link CaseChange#position()}.
 *
 * <pre>{@code
 * @Bean
 * CaseChangeHandler caseLog(JdbcTemplate jdbc) {
 *     return CaseChangeHandler.of("portal-case-log", change -> jdbc.update(
 *             "INSERT INTO portal_case_log (position, case_id, version) VALUES (?, ?, ?)",
 *             change.position(), change.caseId().value(), change.version()));
 * }
 * }</pre>
 *
 * <p>Implementations are called from one thread at a time per application; they need not be thread-safe unless the
 * application calls them too.
 *
 * @since 0.4
 */
public interface CaseChangeHandler {

    /**
     * The follower's name: the key of its position, unique among the application's handlers and kept across releases
     * (a new name starts from the feed's beginning). 1 to 100 characters: ASCII letters, digits, {@code .}, {@code _},
     * {@code :} and {@code -}, starting with a letter or digit.
     *
     * @return the name, e.g. {@code portal-case-log}
     */
    String follower();

    /**
     * Handles one change, inside the runner's transaction. Throwing rolls the batch back (its effects and the
     * position), and the runner hands the batch on again at its next poll; the failure is logged once.
     *
     * @param change the next change after the follower's position
     */
    void handle(CaseChange change);

    /**
     * A handler from a name and a function.
     *
     * @param follower the follower's name (see {@link #follower()})
     * @param handle what to do with each change
     * @return the handler
     * @throws NullPointerException naming a null argument
     */
    static CaseChangeHandler of(String follower, Consumer<? super CaseChange> handle) {
        Objects.requireNonNull(follower, "follower");
        Objects.requireNonNull(handle, "handle");
        return new CaseChangeHandler() {
            @Override
            public String follower() {
                return follower;
            }

            @Override
            public void handle(CaseChange change) {
                handle.accept(change);
            }

            @Override
            public String toString() {
                return "CaseChangeHandler[" + follower + "]";
            }
        };
    }
}
