package io.github.xinfang.persistence;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cases an actor may read, as a predicate over {@link IndexRow index rows} that a store evaluates inside its query
 * (never by filtering the results afterwards): core's access policy compiles an actor into a scope, and the scoped query
 * methods ({@link CaseQuery#needingAttention(AttentionQuery, AccessScope)} and their siblings on {@link OverdueQuery},
 * {@link ResolutionQuery}, {@link ReportQuery} and {@link ClusterQuery}) take it. Immutable.
 *
 * <p>A row is <em>in</em> the scope ({@link #contains}) when
 * <ol>
 *   <li>none of its {@link IndexRow#accusedUnits() accused units} is one of {@link #excludedUnits()}, and none of its
 *       {@link IndexRow#accusedOfficials() accused officials} is one of {@link #excludedOfficials()} (an accused party
 *       never sees the accusation, 《信访工作条例》 Art. 30(3), 46(5)); and</li>
 *   <li>its {@link IndexRow#regionCode() region code} starts with one of {@link #regionPrefixes()} (the empty prefix
 *       covers every region), or one of its {@link IndexRow#accessUnits() access units} is one of {@link #units()}, or
 *       one of its {@link IndexRow#accessOfficials() access officials} is one of {@link #officials()}.</li>
 * </ol>
 * {@link #everything()} (the empty prefix, no exclusions) is every row: the scope of a system actor and of a service
 * without access rules.
 *
 * @param regionPrefixes zero to six digits each: the regions whose every case is in scope
 * @param units unit ids: the cases these units handle are in scope
 * @param officials official ids: the cases these officials lead or work on are in scope
 * @param excludedUnits unit ids: the cases accusing these units (or their officials) are out of scope
 * @param excludedOfficials official ids: the cases accusing these officials are out of scope
 * @since 0.7
 */
public record AccessScope(Set<String> regionPrefixes, Set<String> units, Set<String> officials, Set<String> excludedUnits,
                          Set<String> excludedOfficials) {
    /** The most ids one set of a scope holds (a store binds them as parameters). */
    public static final int MAX_IDS = 500;

    private static final AccessScope EVERYTHING = new AccessScope(Set.of(""), Set.of(), Set.of(), Set.of(), Set.of());

    /**
     * Copies each set, sorted.
     *
     * @throws NullPointerException naming a null set or a set holding null
     * @throws IllegalArgumentException if a prefix is not zero to six ASCII digits, an id is blank or longer than 512
     *                                  characters, or a set holds more than {@value #MAX_IDS}
     */
    public AccessScope {
        regionPrefixes = copy(regionPrefixes, "regionPrefixes", true);
        units = copy(units, "units", false);
        officials = copy(officials, "officials", false);
        excludedUnits = copy(excludedUnits, "excludedUnits", false);
        excludedOfficials = copy(excludedOfficials, "excludedOfficials", false);
    }

    /** @return the scope of every case (a system actor's; a service without access rules) */
    public static AccessScope everything() {
        return EVERYTHING;
    }

    /** @return the scope of no case (an actor the rules give nothing) */
    public static AccessScope nothing() {
        return new AccessScope(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** @return whether every row is in this scope: it covers every region and excludes nobody */
    public boolean isEverything() {
        return regionPrefixes.contains("") && excludedUnits.isEmpty() && excludedOfficials.isEmpty();
    }

    /**
     * The scope's predicate, as the class documentation defines it: what a store's query must evaluate (in its own
     * terms: a SQL predicate, an index lookup), and what an in-memory store and the test kit evaluate directly.
     *
     * @param row an index row
     * @return whether the row is in this scope
     * @throws NullPointerException if row is null
     */
    public boolean contains(IndexRow row) {
        Objects.requireNonNull(row, "row");
        if (intersects(row.accusedUnits(), excludedUnits) || intersects(row.accusedOfficials(), excludedOfficials)) return false;
        for (String prefix : regionPrefixes) {
            if (row.regionCode().startsWith(prefix)) return true;
        }
        return intersects(row.accessUnits(), units) || intersects(row.accessOfficials(), officials);
    }

    /**
     * For the default scoped query methods: whether a scope lets the unscoped form answer.
     *
     * @param access the scope
     * @return whether access is {@link #isEverything() everything}
     * @throws NullPointerException if access is null
     */
    static boolean unscoped(AccessScope access) {
        return Objects.requireNonNull(access, "access").isEverything();
    }

    /** @return the exception a store that does not evaluate scopes throws for a scoped query */
    static UnsupportedOperationException notEvaluated(Object store) {
        return new UnsupportedOperationException("the store does not evaluate access scopes in its queries: "
                + store.getClass().getName());
    }

    private static boolean intersects(Collection<String> values, Set<String> set) {
        if (set.isEmpty()) return false;
        for (String v : values) {
            if (set.contains(v)) return true;
        }
        return false;
    }

    private static Set<String> copy(Set<String> values, String name, boolean prefixes) {
        Objects.requireNonNull(values, name);
        if (values.size() > MAX_IDS) throw new IllegalArgumentException(name + " must hold at most " + MAX_IDS + " ids");
        TreeSet<String> copy = new TreeSet<>();
        for (String v : values) {
            if (v == null) throw new NullPointerException(name + " element");
            if (prefixes) {
                if (v.length() > 6 || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    throw new IllegalArgumentException(name + " must hold zero to six digits each");
                }
            } else if (v.isBlank() || v.length() > 512) {
                throw new IllegalArgumentException(name + " must hold ids of 1 to 512 characters, not blank");
            }
            copy.add(v);
        }
        return java.util.Collections.unmodifiableSortedSet(copy);
    }
}
