package io.github.xinfang.service;

import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.CodecException;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.internal.codec.JsonText;
import io.github.xinfang.persistence.ClusterQuery;
import io.github.xinfang.persistence.ClusterWarnings;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cluster warnings (类案预警): when many petitions about one housing estate, employer or project (one subject tag, set by
 * the portal on the petition) arrive in one region within a sliding window, the responsible unit is warned once, and
 * again only when the cluster passes the next threshold.
 *
 * <p>A sweep ({@link #sweep}, run daily, e.g. by the {@link DeadlineSweep}) counts, for every subject tag and region
 * prefix ({@link Policy#regionDigits()} digits of the case's region code), the petitions received in the window of
 * {@link Policy#windowDays()} days ending on the sweep's day (in the time limits' zone): each case's registration and
 * each repeat petition recorded on it count as one petition (件次) with its headcount (人次); a case registered as a
 * repeat of another is a petition of its own. The tags are the cases' current ones. A cluster reaches the highest
 * {@link Level} whose petitions or persons it reaches; it is warned at that level if it was never warned at that level or
 * higher. The warning lists the cases, names an addressee (the unit handling most of them, else the policy's petition
 * office for the region) and is kept in the store's {@link ClusterWarnings} port, which records each cluster's level
 * once however many sweeps run on however many nodes. The candidates come from the store's {@link ClusterQuery} (the
 * tagged cases petitioned inside the window), so a sweep never scans the store.
 *
 * <p>Logs the cluster, level and counts (never a petitioner). Thread-safe; holds no state between sweeps.
 *
 * @since 0.6
 */
public final class ClusterWatch {
    private static final Logger log = LoggerFactory.getLogger(ClusterWatch.class);
    private static final int PAGE = 200;
    private static final String PAYLOAD_TYPE = "cluster.warning";
    private static final ApplicationJson JSON = ApplicationJson.create();

    private final CaseService service;
    private final ClusterQuery query;
    private final ClusterWarnings warnings;
    private final Policy policy;

    private ClusterWatch(CaseService service, ClusterQuery query, ClusterWarnings warnings, Policy policy) {
        this.service = service;
        this.query = query;
        this.warnings = warnings;
        this.policy = policy;
    }

    /**
     * @param service the case service (its store must implement {@link ClusterQuery} and {@link ClusterWarnings})
     * @param policy the window, region level, thresholds and petition offices
     * @return the watch
     * @throws NullPointerException if an argument is null
     * @throws UnsupportedOperationException if the store lacks one of the two ports
     */
    public static ClusterWatch create(CaseService service, Policy policy) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(policy, "policy");
        if (!(service.store() instanceof ClusterQuery q) || !(service.store() instanceof ClusterWarnings w)) {
            throw new UnsupportedOperationException("the store does not implement ClusterQuery and ClusterWarnings: "
                    + service.store().getClass().getName());
        }
        return new ClusterWatch(service, q, w, policy);
    }

    /** @return the policy */
    public Policy policy() {
        return policy;
    }

    /**
     * Counts the window ending on {@code now}'s day and raises the warnings due.
     *
     * @param now the current instant (from the same clock as the service's)
     * @return the warnings raised by this sweep (empty when every cluster was already warned at its level), by id
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     */
    public List<Warning> sweep(Instant now) {
        Objects.requireNonNull(now, "now");
        LocalDate to = LocalDate.ofInstant(now, service.timeLimits().zone());
        LocalDate from = to.minusDays(policy.windowDays() - 1L);
        Map<String, Tally> clusters = new TreeMap<>();
        String after = null;
        while (true) {
            List<IndexRow> page = query.taggedSince("", from, after, PAGE);
            for (IndexRow row : page) {
                service.state(new CaseId(row.caseId())).ifPresent(s -> count(s, from, to, clusters));
            }
            if (page.size() < PAGE) break;
            after = page.get(page.size() - 1).caseId();
        }
        List<Warning> raised = new ArrayList<>();
        for (Tally t : clusters.values()) {
            int level = policy.levelOf(t.petitions, t.persons);
            if (level == 0 || warnings.highestLevel(t.cluster()) >= level) continue;
            Warning w = new Warning(t.tag, t.regionPrefix, level, t.petitions, t.persons, List.copyOf(t.cases), from, to,
                    addressee(t), now);
            if (warnings.raise(stored(w))) {
                raised.add(w);
                log.info("cluster warning {} (level {}): {} petitions, {} persons, {} cases from {} to {}", w.id(), level,
                        w.petitions(), w.persons(), w.cases().size(), from, to);
            }
        }
        return List.copyOf(raised);
    }

    /**
     * The warnings raised so far under a region prefix.
     *
     * @param regionPrefix zero to six digits ({@code ""}: every warning)
     * @return the warnings, by id
     * @throws IllegalArgumentException if regionPrefix is not zero to six digits
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     * @throws CodecException if a stored warning cannot be read
     */
    public List<Warning> warnings(String regionPrefix) {
        List<Warning> all = new ArrayList<>();
        String after = null;
        while (true) {
            List<StoredWarning> page = warnings.warnings(regionPrefix, after, PAGE);
            for (StoredWarning s : page) all.add(read(s));
            if (page.size() < PAGE) return List.copyOf(all);
            after = page.get(page.size() - 1).id();
        }
    }

    /**
     * The warnings raised so far under a region prefix that an actor may see, with only the cases it may read: a warning
     * is shown to the offices over its region (a region prefix of the actor's {@link CaseService#accessScope scope}
     * covers the warning's) and to its addressee (a unit of the scope), and its cases are narrowed to those whose current
     * index row is in the scope, so a warning never names an accusation to its accused. Its counts stay the cluster's
     * (petitions and persons in the region, no petitioner named). A system actor, or a service without access rules,
     * sees {@link #warnings(String)}.
     *
     * @param actor who reads
     * @param regionPrefix zero to six digits ({@code ""}: every warning the actor may see)
     * @return the warnings, by id
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if regionPrefix is not zero to six digits
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     * @throws CodecException if a stored warning cannot be read
     * @since 0.7
     */
    public List<Warning> warnings(io.github.xinfang.cases.Actor actor, String regionPrefix) {
        io.github.xinfang.persistence.AccessScope scope = service.accessScope(Objects.requireNonNull(actor, "actor"));
        List<Warning> all = warnings(regionPrefix);
        if (scope.isEverything()) return all;
        List<Warning> shown = new ArrayList<>();
        for (Warning w : all) {
            boolean office = scope.regionPrefixes().stream().anyMatch(w.regionPrefix()::startsWith);
            boolean addressee = w.addressee() != null && scope.units().contains(w.addressee().value());
            if (!office && !addressee) continue;
            List<CaseId> cases = new ArrayList<>();
            for (CaseId id : w.cases()) {
                if (service.store().indexRow(id.value()).map(scope::contains).orElse(false)) cases.add(id);
            }
            shown.add(new Warning(w.tag(), w.regionPrefix(), w.level(), w.petitions(), w.persons(), cases, w.windowFrom(),
                    w.windowTo(), w.addressee(), w.raisedAt()));
        }
        return List.copyOf(shown);
    }

    private void count(CaseState s, LocalDate from, LocalDate to, Map<String, Tally> clusters) {
        if (s.petition().subjectTags().isEmpty()) return;
        int petitions = 0;
        int persons = 0;
        if (within(s.petition().receivedOn(), from, to)) {
            petitions++;
            persons += s.petition().headcount();
        }
        for (CaseActivity.RepeatPetition p : s.activity().repeatPetitions()) {
            if (within(p.receivedOn(), from, to)) {
                petitions++;
                persons += p.headcount();
            }
        }
        if (petitions == 0) return;
        String region = s.petition().region().value();
        String prefix = region.substring(0, Math.min(policy.regionDigits(), region.length()));
        for (String tag : s.petition().subjectTags()) {
            Tally t = clusters.computeIfAbsent(clusterKey(prefix, tag), k -> new Tally(tag, prefix));
            t.petitions += petitions;
            t.persons += persons;
            t.cases.add(s.caseId());
            if (s.handlingUnit() != null) t.units.merge(s.handlingUnit().value(), 1, Integer::sum);
        }
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private UnitId addressee(Tally t) {
        String best = null;
        int most = 0;
        for (Map.Entry<String, Integer> e : t.units.entrySet()) {   // sorted by id: the first of the most wins ties
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        if (best != null) return new UnitId(best);
        return policy.officeFor(t.regionPrefix);
    }

    /** The key of a cluster: its region prefix and tag ({@code 450802:estate:金港华府}). */
    static String clusterKey(String regionPrefix, String tag) {
        return regionPrefix + ":" + tag;
    }

    /** The warning's payload: its components as {@link ApplicationJson} writes them, all in clear (no personal data). */
    private static StoredWarning stored(Warning w) {
        return new StoredWarning(w.id(), clusterKey(w.regionPrefix(), w.tag()), w.level(), w.regionPrefix(), w.raisedAt(),
                JsonText.write(JSON.write(w, true)));
    }

    private static Warning read(StoredWarning s) {
        try {
            return JSON.read(JsonText.read(s.payload()), Warning.class);
        } catch (IllegalArgumentException e) {
            throw new CodecException(PAYLOAD_TYPE, 1, CodecException.Problem.MALFORMED_JSON, null,
                    "the warning " + s.id() + " cannot be read: " + e.getMessage(), null);
        }
    }

    /** One cluster's counts while a sweep runs. */
    private static final class Tally {
        final String tag;
        final String regionPrefix;
        final TreeSet<CaseId> cases = new TreeSet<>(Comparator.comparing(CaseId::value));
        final TreeMap<String, Integer> units = new TreeMap<>();
        int petitions;
        int persons;

        Tally(String tag, String regionPrefix) {
            this.tag = tag;
            this.regionPrefix = regionPrefix;
        }

        String cluster() {
            return clusterKey(regionPrefix, tag);
        }
    }

    /**
     * A threshold: a cluster reaches it with at least {@code petitions} petitions (件次) or at least {@code persons}
     * persons (人次) in the window. Immutable.
     *
     * @param petitions the petitions, at least 1
     * @param persons the persons, at least 1
     * @since 0.6
     */
    public record Level(int petitions, int persons) {
        /** @throws IllegalArgumentException if a count is below 1 */
        public Level {
            if (petitions < 1) throw new IllegalArgumentException("petitions must be at least 1");
            if (persons < 1) throw new IllegalArgumentException("persons must be at least 1");
        }

        boolean reachedBy(int petitions, int persons) {
            return petitions >= this.petitions || persons >= this.persons;
        }
    }

    /**
     * How clusters are found and whom they are addressed to. Immutable.
     *
     * @param windowDays the sliding window, in calendar days ending on the sweep's day (1 to 366)
     * @param regionDigits how many digits of the region code a cluster shares: 6 (county), 4 (city) or 2 (province)
     * @param levels the thresholds, level 1 first, each higher than the one before in both counts
     * @param offices the petition office to address a cluster none of whose cases is routed yet, by region prefix (the
     *     longest prefix of the cluster's wins; {@code ""} for every region)
     * @since 0.6
     */
    public record Policy(int windowDays, int regionDigits, List<Level> levels, Map<String, UnitId> offices) {
        /**
         * @throws NullPointerException naming a null component
         * @throws IllegalArgumentException naming a component out of range
         */
        public Policy {
            Objects.requireNonNull(levels, "levels");
            Objects.requireNonNull(offices, "offices");
            if (windowDays < 1 || windowDays > 366) throw new IllegalArgumentException("windowDays must be between 1 and 366");
            if (regionDigits != 2 && regionDigits != 4 && regionDigits != 6) {
                throw new IllegalArgumentException("regionDigits must be 2, 4 or 6");
            }
            levels = List.copyOf(levels);
            if (levels.isEmpty()) throw new IllegalArgumentException("levels must not be empty");
            for (int i = 1; i < levels.size(); i++) {
                if (levels.get(i).petitions() <= levels.get(i - 1).petitions() || levels.get(i).persons() <= levels.get(i - 1).persons()) {
                    throw new IllegalArgumentException("levels must rise in both petitions and persons");
                }
            }
            offices = Map.copyOf(new TreeMap<>(offices));
            for (String prefix : offices.keySet()) {
                if (prefix.length() > 6 || !prefix.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    throw new IllegalArgumentException("offices must be keyed by zero to six digits");
                }
            }
        }

        /**
         * The default: a 30-day window, clusters within a county, three levels (5 petitions or 20 persons; 10 or 50; 20
         * or 100), no petition offices.
         *
         * @return the default policy
         */
        public static Policy standard() {
            return new Policy(30, 6, List.of(new Level(5, 20), new Level(10, 50), new Level(20, 100)), Map.of());
        }

        /**
         * @param regionPrefix a region prefix
         * @param office its petition office
         * @return this policy with that office added
         */
        public Policy withOffice(String regionPrefix, UnitId office) {
            Map<String, UnitId> m = new TreeMap<>(offices);
            m.put(Objects.requireNonNull(regionPrefix, "regionPrefix"), Objects.requireNonNull(office, "office"));
            return new Policy(windowDays, regionDigits, levels, m);
        }

        /**
         * @param petitions petitions in a window
         * @param persons persons in a window
         * @return the highest level they reach, from 1, or 0 for none
         */
        public int levelOf(int petitions, int persons) {
            int level = 0;
            for (int i = 0; i < levels.size(); i++) {
                if (levels.get(i).reachedBy(petitions, persons)) level = i + 1;
            }
            return level;
        }

        UnitId officeFor(String regionPrefix) {
            UnitId best = null;
            int length = -1;
            for (Map.Entry<String, UnitId> e : offices.entrySet()) {
                if (regionPrefix.startsWith(e.getKey()) && e.getKey().length() > length) {
                    best = e.getValue();
                    length = e.getKey().length();
                }
            }
            return best;
        }
    }

    /**
     * A cluster warning (类案预警). Immutable; names cases and units, never a petitioner.
     *
     * @param tag the subject tag the petitions share
     * @param regionPrefix the region prefix they share
     * @param level the threshold level reached, from 1
     * @param petitions the petitions (件次) in the window
     * @param persons the persons (人次) in the window
     * @param cases the cases with a petition in the window, by id
     * @param windowFrom the window's first day
     * @param windowTo the window's last day (the sweep's day)
     * @param addressee the unit warned: the one handling most of the cases, else the policy's petition office; null if
     *     neither is known
     * @param raisedAt when the warning was raised
     * @since 0.6
     */
    public record Warning(String tag, String regionPrefix, int level, int petitions, int persons, List<CaseId> cases,
                          LocalDate windowFrom, LocalDate windowTo, UnitId addressee, Instant raisedAt) {
        /** @throws NullPointerException naming a null component (addressee may be null) */
        public Warning {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(regionPrefix, "regionPrefix");
            Objects.requireNonNull(cases, "cases");
            Objects.requireNonNull(windowFrom, "windowFrom");
            Objects.requireNonNull(windowTo, "windowTo");
            Objects.requireNonNull(raisedAt, "raisedAt");
            cases = List.copyOf(cases);
        }

        /** @return the warning's id: its region prefix, tag and level ({@code 450802:estate:金港华府#2}) */
        public String id() {
            return StoredWarning.idOf(clusterKey(regionPrefix, tag), level);
        }
    }
}
