package io.github.xinfang.bench.peers;

import io.github.xinfang.bench.peers.PeerPath.CaseRecord;
import io.github.xinfang.bench.peers.PeerPath.Command;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A way to run the {@link PeerPath}: an engine and the per-case store it keeps between commands. One instance
 * per benchmark thread; not thread-safe.
 */
public abstract class Contender {
    /** The contenders' "database": each case's record between commands, as the engine left it. */
    protected final Map<String, CaseRecord> store = new HashMap<>();

    /**
     * Handles one command: restores the case, lets the engine check the guards and take the transition, stores the
     * case and hands the event's JSON bytes to {@code events}.
     *
     * @param command the command
     * @param events takes the event of an accepted transition
     * @throws PeerPath.Refused if the engine refuses the command
     */
    public abstract void handle(Command command, Consumer<byte[]> events);

    /**
     * Runs the whole path of a new case.
     *
     * @param caseId the case
     * @param events takes each event
     */
    public final void run(String caseId, Consumer<byte[]> events) {
        for (Command c : PeerPath.commands(caseId)) handle(c, events);
    }

    /** @return the stored record of a case, or the record of a case not yet registered */
    protected final CaseRecord load(String caseId) {
        return store.getOrDefault(caseId, CaseRecord.NEW);
    }

    /** Forgets every case (between iterations). */
    public void clear() {
        store.clear();
    }

    /** The floor: an enum-keyed table lookup, the two guards and the event; no engine. */
    public static final class Floor extends Contender {
        @Override
        public void handle(Command c, Consumer<byte[]> events) {
            CaseRecord kase = load(c.caseId());
            PeerPath.Stage to = PeerPath.TABLE.get(kase.stage()).get(c.trigger());
            if (to == null || !PeerPath.guards(kase, c)) throw new PeerPath.Refused(c, kase);
            CaseRecord after = kase.after(to, c.fact());
            store.put(c.caseId(), after);
            events.accept(PeerPath.encode(kase.stage(), after, c));
        }
    }
}
