package io.github.xinfang.persistence.jdbc;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 11's report as a test ({@link ConcurrentWriters}): two nodes with their own pools of four write to one
 * case from four threads, then to a hundred cases from eight; nothing acknowledged is lost, every history replays
 * to its snapshot, the feed holds every commit once, and every case still takes commands. The one-case scenario
 * runs {@code repetitions} times, each on a fresh database; scale it with
 * {@code -Dxinfang.concurrentWriters.runs=N}. One subclass per database.
 */
abstract class ConcurrentWritersContract extends DatabaseContract {

    private final int repetitions;
    private final int commandsPerThread;

    /**
     * @param kind the database the subclass runs on
     * @param repetitions how many times the one-case scenario runs by default
     * @param commandsPerThread the commands each of the four threads sends to the one case
     */
    ConcurrentWritersContract(TestDatabase.Kind kind, int repetitions, int commandsPerThread) {
        super(kind);
        this.repetitions = repetitions;
        this.commandsPerThread = commandsPerThread;
    }

    @TestFactory
    Stream<DynamicTest> twoNodesFourThreadsOnOneCaseLoseNothingAndTheCaseStaysReadable() {
        int runs = Integer.getInteger("xinfang.concurrentWriters.runs", repetitions);
        return IntStream.rangeClosed(1, runs).mapToObj(run -> dynamicTest("run " + run + " of " + runs, () -> {
            try (TestDatabase db = TestDatabase.open(kind())) {
                db.store();   // migrates
                ConcurrentWriters.check(ConcurrentWriters.run(db, 1, 4, commandsPerThread, run));
            }
        }));
    }

    @Test
    void twoNodesEightThreadsOnAHundredCasesLoseNothing() throws Exception {
        try (TestDatabase db = TestDatabase.open(kind())) {
            db.store();
            ConcurrentWriters.check(ConcurrentWriters.run(db, 100, 8, 150, 0));
        }
    }
}
