package io.github.xinfang.ledger;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.Petition;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.AccessScope;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.persistence.XinfangException;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.service.CaseHistory;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.time.TimeLimits;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one-case-one-sheet ledger (一案一表台账) that inspectors check on site (见人问事查台账, 对账销号): a row per case of
 * a batch or of a caller's selection, and a sheet per case with its whole history, written as CSV (UTF-8 with a byte
 * order mark, so spreadsheet programs read the Chinese right) or XLSX.
 *
 * <p>Everything is streamed: a batch is read one keyset page at a time through the store's {@link ResolutionQuery}, each
 * case is loaded, turned into its {@link Row} and written before the next is read, so a million rows never need a
 * million objects. In XLSX, ID numbers and phone numbers are text cells (never numbers that lose their digits), a
 * new sheet starts every {@value #ROWS_PER_SHEET} rows (a sheet's limit, header included), and dates are date cells.
 * In both formats a cell whose text starts with {@code = + - @} (or a tab or carriage return) is neutralised with a
 * leading apostrophe, so a spreadsheet never runs a petitioner's text as a formula.
 *
 * <p>Personal data (petitioners' names, ID numbers, phones, addresses; free text) is masked as the values' own
 * {@code toString} masks it, unless a call asks for it in clear with {@link PersonalData#IN_CLEAR}.
 *
 * <p>Immutable and thread-safe; each call reads the store afresh.
 *
 * @since 0.6
 */
public final class Ledger {
    /** The data rows of one XLSX sheet: a sheet holds 1,048,576 rows, one of them the header. */
    public static final int ROWS_PER_SHEET = 1_048_575;

    private static final int PAGE = 500;

    private final CaseService service;
    private final ResolutionQuery batches;
    private final OrganisationDirectory directory;
    private final int rowsPerSheet;
    /** Who reads the ledger, or null for a system export of every case. */
    private final Actor reader;

    private Ledger(CaseService service, ResolutionQuery batches, OrganisationDirectory directory, int rowsPerSheet, Actor reader) {
        this.service = service;
        this.batches = batches;
        this.directory = directory;
        this.rowsPerSheet = rowsPerSheet;
        this.reader = reader;
    }

    /**
     * @param service the case service (cases are loaded through it; clocks come from its time limits)
     * @param batches the store's resolution queries, to list a batch's cases
     * @param directory the organisation directory, for the package leaders' posts
     * @return the ledger
     * @throws NullPointerException naming a null argument
     */
    public static Ledger create(CaseService service, ResolutionQuery batches, OrganisationDirectory directory) {
        return new Ledger(Objects.requireNonNull(service, "service"), Objects.requireNonNull(batches, "batches"),
                Objects.requireNonNull(directory, "directory"), ROWS_PER_SHEET, null);
    }

    /**
     * This ledger as an actor exports it: a batch lists only the cases the service's access policy lets the actor read
     * (the store evaluates the actor's {@link CaseService#accessScope scope} inside its listing, rule R8 of
     * {@link ResolutionQuery}), and every case is loaded with {@link CaseService#export}, so a case the actor may not
     * see is left out exactly as one that does not exist, and each export is recorded in the service's access audit
     * trail. Without this, the ledger is a system export of every selected case.
     *
     * @param actor who exports
     * @return the ledger as the actor exports it
     * @throws NullPointerException if actor is null
     * @since 0.7
     */
    public Ledger readBy(Actor actor) {
        return new Ledger(service, batches, directory, rowsPerSheet, Objects.requireNonNull(actor, "actor"));
    }

    /** @return this ledger starting a new XLSX sheet every {@code rows} rows (for tests of the sheet break) */
    Ledger withRowsPerSheet(int rows) {
        if (rows < 1 || rows > ROWS_PER_SHEET) throw new IllegalArgumentException("rows must be between 1 and " + ROWS_PER_SHEET);
        return new Ledger(service, batches, directory, rows, reader);
    }

    /**
     * Hands each selected case's row to the sink, in the selection's order, one case loaded at a time.
     *
     * @param selection which cases
     * @param asOf the instant the clocks are read at (their statuses, the next due instant, days late)
     * @param sink takes each row
     * @throws NullPointerException naming a null argument
     * @throws XinfangException on an infrastructure failure of the store
     */
    public void rows(Selection selection, Instant asOf, Consumer<? super Row> sink) {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(sink, "sink");
        LedgerRows rows = new LedgerRows(service.timeLimits(), directory, asOf);
        long[] serial = {0};
        Consumer<CaseId> one = id -> (reader == null ? service.history(id) : service.export(reader, id))
                .ifPresent(h -> sink.accept(rows.row(selection, ++serial[0], h)));
        AccessScope scope = reader == null ? AccessScope.everything() : service.accessScope(reader);
        if (selection instanceof Selection.OfBatch b) {
            String after = null;
            List<IndexRow> page;
            do {
                page = batches.byBatch(b.batch().value(), after, PAGE, scope);
                for (IndexRow r : page) one.accept(new CaseId(r.caseId()));
                if (!page.isEmpty()) after = page.get(page.size() - 1).caseId();
            } while (page.size() == PAGE);
        } else {
            for (CaseId id : ((Selection.OfCases) selection).cases()) one.accept(id);
        }
    }

    /**
     * Writes the selected cases' rows, a header first.
     *
     * @param selection which cases
     * @param asOf the instant the clocks are read at
     * @param format CSV or XLSX
     * @param personal whether personal data is written masked or in clear
     * @param out where to write; flushed, not closed
     * @return the number of rows written (the header not counted)
     * @throws NullPointerException naming a null argument
     * @throws LedgerWriteException when writing to {@code out} fails
     * @throws XinfangException on an infrastructure failure of the store
     */
    public long write(Selection selection, Instant asOf, Format format, PersonalData personal, OutputStream out) {
        Objects.requireNonNull(selection, "selection");
        checkWriting(asOf, format, personal, out);
        try (Sheets sheets = Sheets.open(format, out, "台账", rowsPerSheet)) {
            sheets.header(Columns.headers());
            Columns.Cells cells = Columns.Cells.of(personal, service.timeLimits().zone());
            long[] count = {0};
            rows(selection, asOf, row -> {
                try {
                    sheets.row(Columns.cells(row, cells));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
            });
            return count[0];
        } catch (IOException e) {
            throw new LedgerWriteException("writing the ledger failed", e);
        } catch (UncheckedIOException e) {
            throw new LedgerWriteException("writing the ledger failed", e.getCause());
        }
    }

    /**
     * Writes one case's sheet (一案一表): its row as label and value pairs, then its whole history, event by event.
     *
     * @param caseId the case
     * @param asOf the instant the clocks are read at
     * @param format CSV or XLSX
     * @param personal whether personal data is written masked or in clear
     * @param out where to write; flushed, not closed
     * @return whether the case exists (nothing is written when it does not)
     * @throws NullPointerException naming a null argument
     * @throws LedgerWriteException when writing to {@code out} fails
     * @throws XinfangException on an infrastructure failure of the store
     */
    public boolean writeCase(CaseId caseId, Instant asOf, Format format, PersonalData personal, OutputStream out) {
        Objects.requireNonNull(caseId, "caseId");
        checkWriting(asOf, format, personal, out);
        CaseHistory history = service.history(caseId).orElse(null);
        if (history == null) return false;
        Row row = new LedgerRows(service.timeLimits(), directory, asOf).row(Selection.of(List.of(caseId)), 1, history);
        try (Sheets sheets = Sheets.open(format, out, caseId.value(), rowsPerSheet)) {
            CaseSheet.write(sheets, row, history.events(), Columns.Cells.of(personal, service.timeLimits().zone()));
        } catch (IOException e) {
            throw new LedgerWriteException("writing the sheet of case " + caseId + " failed", e);
        }
        return true;
    }

    /** The arguments both writers take, checked before anything is read or written. */
    private static void checkWriting(Instant asOf, Format format, PersonalData personal, OutputStream out) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(personal, "personal");
        Objects.requireNonNull(out, "out");
    }

    /** The file formats. */
    public enum Format {
        /** Comma-separated values, UTF-8 with a byte order mark, CRLF line ends (RFC 4180). */
        CSV,
        /** Office Open XML workbook, written streaming. */
        XLSX
    }

    /** Whether a call writes personal data masked (the default a portal should use) or in clear. */
    public enum PersonalData {
        /** Names, ID numbers, phones, addresses and free text as their masked forms. */
        MASKED,
        /** In clear: only for a caller entitled to it, per call. */
        IN_CLEAR
    }

    /**
     * Which cases a ledger lists: a batch's (in case-id order) or the caller's own (from a query of its own, in the
     * order given). Immutable.
     *
     * @since 0.6
     */
    public sealed interface Selection {
        /**
         * @param batch the batch
         * @return the batch's cases, by case id
         * @throws NullPointerException if batch is null
         */
        static Selection batch(Resolution.BatchId batch) {
            return new OfBatch(batch);
        }

        /**
         * @param cases the cases, in the order to list them (a case that does not exist is left out)
         * @return those cases
         * @throws NullPointerException if cases or one of them is null
         */
        static Selection of(List<CaseId> cases) {
            return new OfCases(cases);
        }

        /**
         * A batch's cases.
         *
         * @param batch the batch
         */
        record OfBatch(Resolution.BatchId batch) implements Selection {
            /** @throws NullPointerException if batch is null */
            public OfBatch {
                Objects.requireNonNull(batch, "batch");
            }
        }

        /**
         * The caller's cases.
         *
         * @param cases the cases, in order
         */
        record OfCases(List<CaseId> cases) implements Selection {
            /** @throws NullPointerException if cases or one of them is null */
            public OfCases {
                cases = List.copyOf(Objects.requireNonNull(cases, "cases"));
            }
        }
    }

    /**
     * One case's row of the ledger. Immutable; {@code toString} shows personal data only masked.
     *
     * @param batch the batch the row is listed under (for a caller's selection: the case's batches, comma-separated),
     *     or empty
     * @param serial the row's number in the listing, from 1
     * @param caseId the case
     * @param receivedOn the day the petition was received
     * @param petitioners the petitioners
     * @param region the region
     * @param category the category
     * @param stage the procedure stage
     * @param trackState the resolution track's state, or null when the case is not on it
     * @param leader the active package leader, or null
     * @param leaderPost the leader's post as the directory gives it, or null
     * @param leadUnit the active lead unit, or null
     * @param taskForce the task force of the active assignment
     * @param planSteps the steps of the plan in force
     * @param claimKind the kind of the pending or approved resolution, or null
     * @param lastProgressOn the date of the latest fact
     * @param repeatCount the repeat petitions recorded
     * @param skippedLevels the skipped levels among the repeat petitions (越级, 进京)
     * @param followUp the result of the latest follow-up visit (回访), or null
     * @param targetDate the batch's target date (for a caller's selection: the earliest of the case's batches), or null
     * @param nextDueAt the earliest due instant of an open clock or duty at {@code asOf}, or null
     * @param clocks each clock and duty with its state at {@code asOf}
     * @param workingDaysLate the most working days an overdue clock or duty is past its due date at {@code asOf}, or 0
     */
    public record Row(String batch, long serial, CaseId caseId, LocalDate receivedOn, List<Petition.Petitioner> petitioners,
                      RegionCode region, Category category, Stage stage, Resolution.TrackState trackState, OfficialId leader,
                      String leaderPost, UnitId leadUnit, List<OfficialId> taskForce, List<Resolution.PlanStep> planSteps,
                      Resolution.ResolutionKind claimKind, LocalDate lastProgressOn, int repeatCount,
                      Set<CaseActivity.SkippedLevel> skippedLevels, CaseActivity.Satisfaction followUp, LocalDate targetDate,
                      Instant nextDueAt, List<TimeLimits.ObligationStatus> clocks, long workingDaysLate) {
        /** @throws NullPointerException naming a required argument that is null */
        public Row {
            Objects.requireNonNull(batch, "batch");
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(receivedOn, "receivedOn");
            petitioners = List.copyOf(Objects.requireNonNull(petitioners, "petitioners"));
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(stage, "stage");
            taskForce = List.copyOf(Objects.requireNonNull(taskForce, "taskForce"));
            planSteps = List.copyOf(Objects.requireNonNull(planSteps, "planSteps"));
            Objects.requireNonNull(lastProgressOn, "lastProgressOn");
            skippedLevels = Set.copyOf(Objects.requireNonNull(skippedLevels, "skippedLevels"));
            clocks = List.copyOf(Objects.requireNonNull(clocks, "clocks"));
        }
    }

    /**
     * Writing a ledger to the caller's stream failed. The message names no personal data.
     *
     * @since 0.6
     */
    public static final class LedgerWriteException extends XinfangException {
        private static final long serialVersionUID = 1L;

        /**
         * @param message what failed
         * @param cause the I/O failure
         */
        public LedgerWriteException(String message, IOException cause) {
            super(message, cause);
        }
    }
}
