package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ClusterWarnings;
import io.github.xinfang.persistence.StoredWarning;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.github.xinfang.persistence.tck.StoreSuite.*;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The conformance tests of rules K1 to K5 of {@link ClusterWarnings}, for a store that keeps cluster warnings.
 * Implement it with one factory method returning a fresh, empty store (see {@link StoreFactory}).
 *
 * <p>Random sequences of warnings are raised against a model (a map from cluster to the warnings recorded): clusters
 * whose keys are prefixes of one another or contain the id's separator {@code #}, levels out of order, the same warning
 * again, region prefixes of two to six digits. Each {@code raise} must answer as the model does; then every listing
 * (by prefix, page by page) and every highest level must equal the model's. Concurrent raisers of the same warning must
 * see exactly one {@code true}.
 *
 * @param <S> the adapter's type
 * @since 0.6
 */
public interface ClusterWarningsTck<S extends CaseStore & ClusterWarnings> extends StoreFactory<S> {

    /** The clusters the tests raise warnings of: keys that are prefixes of others, and a key with the separator. */
    List<String> CLUSTERS = List.of("450802:estate:a", "450802:estate:a#1", "450802:estate:A", "4508:employer:西江 物流",
            "450821:project#2");

    /** K1 to K4: raising answers as the model does, and every listing and highest level equals the model's. */
    @Test
    default void required_K1_K2_K3_K4_raisingAnswersAsTheModelAndListingsEqualIt() {
        theory(this).forAll(lists().of(raises()).ofSizeBetween(1, 25), integers().between(1, 4))
                .checkAssert((raises, limit) -> inFreshStore(this, store -> {
                    Map<String, StoredWarning> recorded = new TreeMap<>();
                    for (StoredWarning w : raises) {
                        boolean due = recorded.values().stream()
                                .noneMatch(r -> r.cluster().equals(w.cluster()) && r.level() >= w.level());
                        boolean answer = store.raise(w);
                        if (answer != due) {
                            throw new AssertionError("K1: raise(" + w + ") returned " + answer + " where " + due + " was due"
                                    + " (true only if no warning of the same cluster at the same or a higher level is stored;"
                                    + " stored: " + recorded.keySet() + ")");
                        }
                        if (due) recorded.put(w.id(), w);
                    }
                    for (String cluster : CLUSTERS) {
                        int highest = recorded.values().stream().filter(r -> r.cluster().equals(cluster))
                                .mapToInt(StoredWarning::level).max().orElse(0);
                        int actual = store.highestLevel(cluster);
                        if (actual != highest) {
                            throw new AssertionError("K4: highestLevel(\"" + cluster + "\") returned " + actual + " where "
                                    + highest + " was due (the highest level recorded for exactly that cluster; stored: "
                                    + recorded.keySet() + ")");
                        }
                    }
                    for (String prefix : List.of("", "45", "4508", "450802", "450821", "9")) {
                        List<StoredWarning> expected = new ArrayList<>();
                        for (StoredWarning w : recorded.values()) if (w.regionPrefix().startsWith(prefix)) expected.add(w);
                        List<StoredWarning> actual = new ArrayList<>();
                        String after = null;
                        for (int page = 0; page <= expected.size() + 1; page++) {
                            List<StoredWarning> got = store.warnings(prefix, after, limit);
                            if (got.size() > limit) throw new AssertionError("K3: warnings(\"" + prefix + "\", …, " + limit
                                    + ") returned " + got.size() + " warnings");
                            if (got.isEmpty()) break;
                            actual.addAll(got);
                            after = got.get(got.size() - 1).id();
                        }
                        if (!actual.equals(expected)) {
                            throw new AssertionError("K2/K3: the pages of warnings(\"" + prefix + "\", …, " + limit + ") were "
                                    + actual + " where " + expected + " was due (the recorded warnings whose region prefix"
                                    + " starts with the prefix, each exactly as raised, payload byte for byte, ascending by id"
                                    + " in binary order)");
                        }
                    }
                }));
    }

    /** K1: of concurrent raisers of the same warning, exactly one records it. */
    @Test
    default void required_K1_concurrentRaisersOfOneWarningRecordItOnce() {
        inFreshStore(this, store -> {
            for (int level = 1; level <= 3; level++) {
                StoredWarning w = warning(CLUSTERS.get(0), level, "450802", 0);
                List<Boolean> answers = Race.run(4, i -> () -> store.raise(w));
                long yes = answers.stream().filter(Boolean::booleanValue).count();
                if (yes != 1) {
                    throw new AssertionError("K1: " + yes + " of 4 concurrent raise(" + w + ") returned true where exactly"
                            + " one was due");
                }
            }
            if (store.highestLevel(CLUSTERS.get(0)) != 3) throw new AssertionError("K4: highest level after the races is not 3");
        });
    }

    /** K5: bad arguments are refused, naming the parameter. */
    @Test
    default void required_K5_badArgumentsAreRefused() {
        inFreshStore(this, store -> {
            expectRefusal("K5", NullPointerException.class, "warning", "raise(null)", () -> store.raise(null));
            expectRefusal("K5", NullPointerException.class, "regionPrefix", "warnings(null, …)",
                    () -> store.warnings(null, null, 10));
            expectRefusal("K5", NullPointerException.class, "cluster", "highestLevel(null)", () -> store.highestLevel(null));
            expectPrefixAndLimitRefusals("K5", "warnings", (prefix, limit) -> store.warnings(prefix, null, limit));
        });
    }

    private static Gen<StoredWarning> raises() {
        return in -> {
            String cluster = CLUSTERS.get(integers().between(0, CLUSTERS.size() - 1).generate(in));
            String prefix = cluster.substring(0, cluster.indexOf(':'));
            return warning(cluster, integers().between(1, 4).generate(in), prefix, integers().between(0, 1_000).generate(in));
        };
    }

    private static StoredWarning warning(String cluster, int level, String prefix, int salt) {
        Instant at = Instant.parse("2024-03-01T00:00:00Z").plusSeconds(salt * 3_600L);
        String payload = "{\"cluster\":\"" + cluster + "\",\"level\":" + level + ",\"cases\":[\"C-" + salt + "\"],\"note\":\"类案\\u0000\"}";
        return new StoredWarning(StoredWarning.idOf(cluster, level), cluster, level, prefix, at, payload);
    }
}
