package io.github.xinfang.spring.boot;

import io.github.xinfang.persistence.jdbc.Dialect;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The {@code xinfang.*} properties of the starter. Mutable while Spring binds it, then read only.
 *
 * @since 0.4
 */
@ConfigurationProperties("xinfang")
public class XinfangProperties {
    private final Schema schema = new Schema();
    private final Store store = new Store();
    private final Transaction transaction = new Transaction();
    private final Sweep sweep = new Sweep();
    private final Feed feed = new Feed();
    private final Directory directory = new Directory();
    private final Calendar calendar = new Calendar();
    private final Web web = new Web();

    /** @return where xinfang's tables come from */
    public Schema getSchema() {
        return schema;
    }

    /** @return the JDBC store's settings */
    public Store getStore() {
        return store;
    }

    /** @return how the store meets the application's transactions */
    public Transaction getTransaction() {
        return transaction;
    }

    /** @return the deadline sweep's settings */
    public Sweep getSweep() {
        return sweep;
    }

    /** @return the change-feed runner's settings */
    public Feed getFeed() {
        return feed;
    }

    /** @return the organisation directory's settings */
    public Directory getDirectory() {
        return directory;
    }

    /** @return the work calendar's settings */
    public Calendar getCalendar() {
        return calendar;
    }

    /** @return the web support's settings */
    public Web getWeb() {
        return web;
    }

    /** Who brings xinfang's tables into the database. */
    public enum SchemaMode {
        /** The store creates or upgrades them at start-up ({@code JdbcCaseStore.migrate()}). */
        LIBRARY,
        /** A second Flyway of xinfang's own, with its history in {@code xf_flyway_history}, runs its scripts; then the store checks. */
        FLYWAY,
        /** The application's Liquibase runs them (its changelog includes {@code db/xinfang/changelog.xml}); the store checks. */
        LIQUIBASE,
        /** Nobody: the store checks that they are there, at its version, and refuses to start otherwise. */
        VALIDATE,
        /**
         * Nobody, and nothing is changed: the store only refuses to start when the database holds no xinfang schema at
         * all; a version that differs from the store's is logged as a warning and shown by the health indicator.
         */
        NONE
    }

    /** {@code xinfang.schema.*}. */
    public static class Schema {
        /** Who brings xinfang's tables: library, flyway, liquibase, validate or none. */
        private SchemaMode mode = SchemaMode.LIBRARY;
        /** The database schema that holds xinfang's tables (default: the connection's own). */
        private String name;

        /** @return who brings the tables (default {@code library}) */
        public SchemaMode getMode() {
            return mode;
        }

        /** @param mode who brings the tables */
        public void setMode(SchemaMode mode) {
            this.mode = mode;
        }

        /** @return the database schema that holds the tables, or null for the connection's own */
        public String getName() {
            return name;
        }

        /** @param name the database schema that holds the tables (it must exist) */
        public void setName(String name) {
            this.name = name;
        }
    }

    /** {@code xinfang.store.*}. */
    public static class Store {
        /** The SQL dialect, when detection is not enough (KingbaseES, openGauss, TiDB, ...); detected when unset. */
        private Dialect dialect;

        /** @return the SQL dialect, or null to detect it from the connection (set it for KingbaseES, openGauss, TiDB) */
        public Dialect getDialect() {
            return dialect;
        }

        /** @param dialect the SQL dialect */
        public void setDialect(Dialect dialect) {
            this.dialect = dialect;
        }
    }

    /** {@code xinfang.transaction.*}. */
    public static class Transaction {
        /** Whether the store joins the application's Spring transaction (listeners are told after it commits). */
        private boolean participate = true;

        /**
         * @return whether a command inside the application's transaction joins it (default true): its writes commit or
         *     roll back with the application's, and listeners hear of it after the commit
         */
        public boolean isParticipate() {
            return participate;
        }

        /** @param participate whether commands join the application's transaction */
        public void setParticipate(boolean participate) {
            this.participate = participate;
        }
    }

    /** {@code xinfang.sweep.*}. */
    public static class Sweep {
        /** Whether the background deadline sweep runs. */
        private boolean enabled = true;
        /** The pause between two sweeps. */
        private Duration interval = Duration.ofMinutes(1);
        /** This node's name in the sweep's claims (default: the JVM's name). */
        private String nodeName;
        /** The most cases one sweep claims at a time. */
        private int batchSize = 100;
        /** How long a node's claim on a case holds. */
        private Duration lease = Duration.ofMinutes(5);
        /** Whether each sweep also raises cluster warnings (类案预警), when the case store offers their ports. */
        private boolean clusterWarnings = true;

        /** @return whether the deadline sweep runs in the background (default true) */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the deadline sweep runs */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the pause between the end of one sweep and the start of the next (default 1 minute) */
        public Duration getInterval() {
            return interval;
        }

        /** @param interval the pause between sweeps, positive */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        /** @return this node's name among sweeping nodes, or null for the JVM's {@code pid@host} */
        public String getNodeName() {
            return nodeName;
        }

        /** @param nodeName this node's name, unique among sweeping nodes */
        public void setNodeName(String nodeName) {
            this.nodeName = nodeName;
        }

        /** @return how many cases one claim takes (default 100) */
        public int getBatchSize() {
            return batchSize;
        }

        /** @param batchSize how many cases one claim takes, at least 1 */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        /** @return how long a claim holds (default 5 minutes; longer than a sweep takes) */
        public Duration getLease() {
            return lease;
        }

        /** @param lease how long a claim holds, positive */
        public void setLease(Duration lease) {
            this.lease = lease;
        }

        /**
         * @return whether each sweep also raises cluster warnings (default true; only with a store implementing
         *     {@code ClusterQuery} and {@code ClusterWarnings}, such as the JDBC and in-memory stores)
         */
        public boolean isClusterWarnings() {
            return clusterWarnings;
        }

        /** @param clusterWarnings whether each sweep also raises cluster warnings */
        public void setClusterWarnings(boolean clusterWarnings) {
            this.clusterWarnings = clusterWarnings;
        }
    }

    /** {@code xinfang.feed.*}: the runner that hands the change feed to the application's {@link CaseChangeHandler} beans. */
    public static class Feed {
        /** Whether the change-feed runner hands the feed to the application's CaseChangeHandler beans in the background. */
        private boolean enabled = true;
        /** The pause between the end of one poll of the followers and the start of the next; a full batch is followed at once. */
        private Duration interval = Duration.ofSeconds(1);
        /** The most changes one batch (one transaction) hands to a follower. */
        private int batchSize = 100;

        /**
         * @return whether the change-feed runner runs the application's {@link CaseChangeHandler} beans in the
         *     background (default true; without such beans there is no runner)
         */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the change-feed runner runs */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * @return the pause between the end of one poll of the followers and the start of the next (default 1 second;
         *     while a batch is full, the next one follows at once)
         */
        public Duration getInterval() {
            return interval;
        }

        /** @param interval the pause between polls, positive */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        /** @return the most changes one batch (one transaction) hands to a follower (default 100) */
        public int getBatchSize() {
            return batchSize;
        }

        /** @param batchSize the most changes one batch hands on, at least 1 */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }
    }

    /** {@code xinfang.web.*}. */
    public static class Web {
        /** Whether the Spring MVC support (problems, key and actor parameters) is defined in a servlet application. */
        private boolean enabled = true;
        /** The HTTP status per rejection code, overriding the documented defaults (4xx only). */
        private final java.util.Map<io.github.xinfang.cases.Rejection.Code, Integer> status =
                new java.util.EnumMap<>(io.github.xinfang.cases.Rejection.Code.class);

        /** @return whether the Spring MVC support is defined in a servlet web application (default true) */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the Spring MVC support is defined */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return HTTP statuses replacing {@link RejectionProblems#defaultStatuses()}, by rejection code */
        public java.util.Map<io.github.xinfang.cases.Rejection.Code, Integer> getStatus() {
            return status;
        }
    }

    /** {@code xinfang.calendar.*}. */
    public static class Calendar {
        /** How many days before the official calendar's final coverage ends the info and the log warn. */
        private int warnDays = 60;

        /**
         * @return how many days before the official calendar's final coverage ends the actuator's info warns (default
         *     60)
         */
        public int getWarnDays() {
            return warnDays;
        }

        /** @param warnDays how many days ahead to warn */
        public void setWarnDays(int warnDays) {
            this.warnDays = warnDays;
        }
    }

    /** {@code xinfang.directory.*}. */
    public static class Directory {
        private final Cache cache = new Cache();

        /** @return the cache over the application's directory */
        public Cache getCache() {
            return cache;
        }

        /** {@code xinfang.directory.cache.*}. */
        public static class Cache {
            /** How long the organisation directory's answers are remembered (0 asks every time). */
            private Duration ttl = Duration.ofSeconds(30);

            /**
             * @return how long an answer of the application's directory is used (default 30 seconds; 0 asks it every
             *     time)
             */
            public Duration getTtl() {
                return ttl;
            }

            /** @param ttl how long an answer is used; 0 for no cache */
            public void setTtl(Duration ttl) {
                this.ttl = ttl;
            }
        }
    }
}
