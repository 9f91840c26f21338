package io.github.xinfang.testing;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * A test-only SLF4J binding that records every log line (at every level, with the throwable's message)
 * while {@link #during} runs, and is silent and free otherwise. Registered through
 * {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider} in core's test resources.
 */
public final class CapturedLogs implements SLF4JServiceProvider {
    private static final List<String> LINES = new ArrayList<>();
    private static final Switch ACTIVE = new Switch();

    private final ILoggerFactory factory = new Factory();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /**
     * Runs an action, recording the log lines written meanwhile by any thread.
     *
     * @param action what to run
     * @param <T> its result type
     * @return the lines written while it ran, and its result
     */
    public static synchronized <T> Captured<T> during(Supplier<T> action) {
        synchronized (LINES) {
            LINES.clear();
        }
        ACTIVE.set(true);
        try {
            T result = action.get();
            synchronized (LINES) {
                return new Captured<>(List.copyOf(LINES), result);
            }
        } finally {
            ACTIVE.set(false);
        }
    }

    /**
     * @param lines the lines written
     * @param result the action's result
     * @param <T> the result type
     */
    public record Captured<T>(List<String> lines, T result) {}

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up
    }

    /** A process-wide on/off switch (volatile). */
    private static final class Switch {
        private volatile boolean on;

        void set(boolean value) {
            on = value;
        }

        boolean get() {
            return on;
        }
    }

    private static final class Factory implements ILoggerFactory {
        private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return loggers.computeIfAbsent(name, CapturingLogger::new);
        }
    }

    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return ACTIVE.get();
        }

        @Override
        public boolean isDebugEnabled() {
            return ACTIVE.get();
        }

        @Override
        public boolean isInfoEnabled() {
            return ACTIVE.get();
        }

        @Override
        public boolean isWarnEnabled() {
            return ACTIVE.get();
        }

        @Override
        public boolean isErrorEnabled() {
            return ACTIVE.get();
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
                                                   Throwable throwable) {
            String line = level + " " + name + " " + MessageFormatter.basicArrayFormat(messagePattern, arguments)
                    + (throwable == null ? "" : " | " + throwable);
            synchronized (LINES) {
                LINES.add(line);
            }
        }
    }
}
