package io.github.xinfang.service;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the scenario tests share: each drives its own {@link CaseService}, on a fresh in-memory store and a test
 * clock, with fresh idempotency keys, and states of each command that it applies or is rejected with a given code.
 */
abstract class ServiceScenario {
    final TestClock clock;
    final InMemoryCaseStore store = InMemoryCaseStore.create();
    final CaseService service;
    private final String keyPrefix;
    private final AtomicInteger keys = new AtomicInteger();

    /** @param now the clock's instant, ISO-8601; the directory is {@link Org#DIRECTORY}, the keys k1, k2, … */
    ServiceScenario(String now) {
        this(now, Org.DIRECTORY, "k");
    }

    /**
     * @param now       the clock's instant, ISO-8601
     * @param directory the organisation directory of the service
     * @param keyPrefix what the keys start with
     */
    ServiceScenario(String now, OrganisationDirectory directory, String keyPrefix) {
        this.clock = TestClock.at(now);
        this.service = CaseService.builder(store, directory, clock).build();
        this.keyPrefix = keyPrefix;
    }

    /** @return a key not used before in this test */
    final IdempotencyKey key() {
        return new IdempotencyKey(keyPrefix + keys.incrementAndGet());
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** Handles the command and asserts it was applied. */
    final CommandResult.Applied applied(CaseCommand c) {
        CommandResult r = service.handle(c);
        assertThat(r).as("%s: %s", c.getClass().getSimpleName(), r).isInstanceOf(CommandResult.Applied.class);
        return (CommandResult.Applied) r;
    }

    /** Handles the command and asserts it was rejected with the code. */
    final CommandResult.Rejected rejected(CaseCommand c, Rejection.Code code) {
        CommandResult r = service.handle(c);
        assertThat(r).as("%s", c.getClass().getSimpleName()).isInstanceOf(CommandResult.Rejected.class);
        CommandResult.Rejected x = (CommandResult.Rejected) r;
        assertThat(x.rejection().code()).as("%s", x.rejection()).isEqualTo(code);
        return x;
    }
}
