package io.github.xinfang.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The error catalogue ({@code docs/errors.md}): every {@link Rejection.Code} with its English and Chinese messages and
 * the guards and service checks that answer it, and every infrastructure exception under {@code XinfangException}
 * with what it means. Rendered from the code; a test fails when the committed file differs.
 */
final class ErrorCatalogue {
    /** Codes the service answers itself, outside the tables' guards, with where. */
    private static final Map<Rejection.Code, String> SERVICE = Map.of(
            Rejection.Code.ILLEGAL_TRANSITION, "the tables: no row for the command in the case's stage",
            Rejection.Code.CASE_EXISTS, "the tables' default for a command that creates a case",
            Rejection.Code.CASE_NOT_FOUND, "the tables' default for every other command; also a read of a case that does not exist",
            Rejection.Code.IDEMPOTENCY_MISMATCH, "`CaseService.handle`: the key was recorded for a command of another digest",
            Rejection.Code.VERSION_CONFLICT, "`CaseService.handle`: concurrent writers won every bounded retry",
            Rejection.Code.MERGED_INTO, "the tables: a command on a case merged into another (the message names the survivor)",
            Rejection.Code.VALIDATION, "shape validation (`docs/validation.md`), naming the field");

    /**
     * The infrastructure exceptions, by class name as a portal catches them, with their meaning. A test checks that
     * every subclass of {@code XinfangException} in core and the storage SPI is listed.
     */
    static final Map<String, String> EXCEPTIONS = exceptions();

    private ErrorCatalogue() {}

    private static Map<String, String> exceptions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("io.github.xinfang.persistence.XinfangException", "The root of every infrastructure failure: unchecked, never a business rule.");
        m.put("io.github.xinfang.persistence.StoreException", "The store failed (a database error, an I/O error); the command's outcome may be in doubt: retry it with the same idempotency key.");
        m.put("io.github.xinfang.persistence.TransientStoreException", "A store failure worth retrying (a serialisation failure, a deadlock, a lock timeout) once the caller's transaction is rolled back or retried whole.");
        m.put("io.github.xinfang.persistence.VersionConflictException", "A commit expected another version of the case (optimistic concurrency); the service reloads and retries, a portal calling the store directly does the same.");
        m.put("io.github.xinfang.persistence.DuplicateCommandException", "A commit carried an idempotency key already recorded for its case (rule S5); nothing was written. The service answers the recorded result instead.");
        m.put("io.github.xinfang.persistence.chain.CheckpointException", "A checkpoint of the event chain or of the access audit trail could not be signed, kept, read or authenticated (a provider or file-system failure, malformed text), or its signature does not verify: then the checkpoint itself was altered or signed with another key, and proves nothing. A checkpoint of a broken chain or trail is refused with it too.");
        m.put("io.github.xinfang.cases.CodecException", "A stored event, snapshot or payload cannot be read (malformed JSON, unknown type or version, a value that breaks its type's rule); it names the type, version and problem, never the payload.");
        m.put("io.github.xinfang.privacy.PersonalDataException", "Personal data could not be encrypted or decrypted for a reason outside the stored record: the key provider failed or refused a key (new data for a person whose key was destroyed), or the cipher is not available. It names the key, never the data; a stored value that does not authenticate is a CodecException instead.");
        m.put("io.github.xinfang.service.Handover$HandoverInterruptedException", "A handover (新官理旧账) stopped by an infrastructure failure: the cases moved before it stay moved, it carries what was done, and running it again finishes the rest.");
        m.put("io.github.xinfang.time.ProfileCatalogue$ProfileDataException", "A time-limit profile resource or file could not be read (malformed JSON, an unknown clock or unit, a missing window); it names the source and the place.");
        m.put("io.github.xinfang.calendar.CalendarSource$CalendarDataException", "Calendar data (the State Council notices' holidays and adjusted working days) could not be read or does not form one calendar; it names the source and the place.");
        m.put("io.github.xinfang.calendar.WorkCalendar$CoverageException", "A calendar built to fail on uncovered dates was asked about a date no loaded notice covers: load that year's notice, or build the calendar to count weekends only there.");
        return java.util.Collections.unmodifiableMap(m);
    }

    static String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Error catalogue\n\n");
        sb.append("Generated from `Rejection.Code`, the guards of `LifecycleTable` and `ResolutionTable`, and the exceptions under ")
                .append("`XinfangException`; a test fails when the two differ. A business rule saying no is a returned `Rejection` ")
                .append("(its code, the stage, an English and a Chinese message); an infrastructure failure is an unchecked ")
                .append("exception under `XinfangException`. Codes never change once released.\n\n");
        sb.append("## Rejection codes\n\n");
        sb.append("| code | message | 说明 | answered by |\n|---|---|---|---|\n");
        for (Rejection.Code code : Rejection.Code.values()) {
            List<String> by = new ArrayList<>();
            if (SERVICE.containsKey(code)) by.add(SERVICE.get(code));
            List<String> guards = new ArrayList<>();
            for (Guard<?> g : allGuards()) {
                if (g.codes().contains(code) && !guards.contains("`" + g.name() + "`")) guards.add("`" + g.name() + "`");
            }
            if (!guards.isEmpty()) by.add("guards " + String.join(", ", guards));
            sb.append("| `").append(code.name()).append("` | ").append(code.english()).append(" | ").append(code.chinese())
                    .append(" | ").append(by.isEmpty() ? "—" : String.join("; ", by)).append(" |\n");
        }
        sb.append("\n## Exceptions\n\n");
        sb.append("| exception | meaning |\n|---|---|\n");
        EXCEPTIONS.forEach((type, meaning) -> sb.append("| `").append(type.substring(type.lastIndexOf('.') + 1).replace('$', '.'))
                .append("` (`").append(type.substring(0, type.lastIndexOf('.'))).append("`) | ").append(meaning).append(" |\n"));
        return sb.toString();
    }

    private static List<Guard<?>> allGuards() {
        List<Guard<?>> all = new ArrayList<>(LifecycleTable.guards());
        all.addAll(ResolutionTable.guards());
        return all;
    }
}
