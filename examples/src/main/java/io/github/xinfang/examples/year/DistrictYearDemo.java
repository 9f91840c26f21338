package io.github.xinfang.examples.year;

import io.github.xinfang.calendar.WorkCalendar;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.ledger.Ledger;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.ClusterWatch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A district petition bureau's year: 港北区信访局 (贵港市港北区, 450802) with its departments and eight townships plays
 * 2025 day by day on the durable embedded store (H2 on file through {@code persistence-jdbc}). A seeded generator makes
 * the year's petitions (3,000 by default: channels, subject areas, categories, townships, group petitions, repeat
 * petitions about 30%, subject tags, and a cluster on one housing estate); the bureau registers, routes, accepts, extends,
 * concludes, returns for rework, serves replies, takes reviews, ratings and follow-up visits; a city batch of backlog
 * cases arrives, package leaders are assigned by rank, cases escalate, a leader changes post; the deadline sweep runs
 * every working day of the official calendar, and with it the cluster watch (类案预警). Then it prints the bureau's
 * report, counted from the stored cases by the metrics API, writes it as one self-contained HTML file and the ledger
 * (台账) as XLSX, and prints both paths. No
 * personal data is printed.
 *
 * <p>Options: {@code --seed N} (default 2025), {@code --petitions N} (default 3000, at least 100), {@code --dir PATH}
 * (default the system property {@code xinfang.demo.dir}, else {@code target/district-year}), {@code --resume} (keep the
 * stored run and continue after its last completed day; without it a run starts afresh), {@code --stop-after YYYY-MM-DD}
 * (stop after that day as if interrupted, writing no report: a later {@code --resume} finishes the year).
 *
 * @since 0.6
 */
public final class DistrictYearDemo {
    static final int YEAR = 2025;
    static final long DEFAULT_SEED = 2025;
    static final int DEFAULT_PETITIONS = 3000;

    private DistrictYearDemo() {}

    /**
     * What a run did and wrote. Immutable.
     *
     * @param petitions petitions generated (件次)
     * @param cases cases they opened
     * @param commands commands the case service handled (the sweep's and the handover's included)
     * @param refused commands refused
     * @param html the report (null for a run stopped before the year's end)
     * @param ledger the ledger (null for a run stopped before the year's end)
     * @param database the H2 database file
     * @param seconds how long the run took, from its start
     * @since 0.6
     */
    public record Result(int petitions, long cases, long commands, long refused, Path html, Path ledger, Path database, double seconds) {}

    /**
     * Runs the demo with the command line's options, printing to standard output.
     *
     * @param args the options (see the class comment)
     */
    public static void main(String[] args) {
        long start = System.nanoTime();
        try {
            run(args, System.out, start);
        } catch (YearDemoException e) {
            System.err.println("DistrictYearDemo: " + e.getMessage());
            System.err.println("usage: DistrictYearDemo [--seed N] [--petitions N] [--dir PATH] [--resume] [--stop-after YYYY-MM-DD]");
            System.exit(2);
        }
    }

    /**
     * Runs the demo.
     *
     * @param args the options (see the class comment)
     * @param out where to print
     * @param startNanos {@link System#nanoTime()} at the program's start, for the elapsed time it prints
     * @return what it did and wrote
     * @throws YearDemoException if the options are wrong or there is nothing to resume
     */
    public static Result run(String[] args, PrintStream out, long startNanos) {
        long seed = DEFAULT_SEED;
        int petitions = DEFAULT_PETITIONS;
        Path dir = Path.of(System.getProperty("xinfang.demo.dir", "target/district-year"));
        boolean resume = false;
        LocalDate stopAfter = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed": seed = number(args, ++i); break;
                case "--petitions": petitions = (int) number(args, ++i); break;
                case "--dir": dir = Path.of(value(args, ++i)); break;
                case "--resume": resume = true; break;
                case "--stop-after": stopAfter = day(args, ++i); break;
                default: throw new YearDemoException("unknown option " + args[i]);
            }
        }
        if (petitions < 100 || petitions > 200_000) throw new YearDemoException("--petitions must be between 100 and 200000");
        try (DemoDatabase db = DemoDatabase.open(dir, resume, seed, petitions)) {
            return play(db, dir, seed, petitions, stopAfter, out, startNanos);
        }
    }

    private static Result play(DemoDatabase db, Path dir, long seed, int petitionCount, LocalDate stopAfter, PrintStream out,
                               long startNanos) {
        OrganisationDirectory directory = District.directory();
        LocalDate first = LocalDate.of(YEAR, 1, 1), last = LocalDate.of(YEAR, 12, 31);
        YearClock clock = new YearClock(ReportText.ZONE, first.atStartOfDay(ReportText.ZONE).toInstant());
        YearPlayer.Tally tally = new YearPlayer.Tally();
        AtomicReference<Campaign> campaign = new AtomicReference<>();
        CaseService service = CaseService.builder(db.store(), directory, clock)
                .observer(tally::observe)
                .listener((id, version, events) -> campaign.get().committed(id, events))
                .build();
        WorkCalendar calendar = service.timeLimits().calendar(District.REGION_CODE);

        List<GeneratedPetition> petitions = PetitionGenerator.generate(seed, YEAR, petitionCount, calendar);
        List<String> caseIds = YearPlayer.caseIds(petitions);
        long group = petitions.stream().filter(GeneratedPetition::isGroup).count();
        long repeats = petitions.stream().filter(GeneratedPetition::isRepeat).count();
        long recorded = petitions.size() - caseIds.size();
        GeneratedPetition.ClusterNote cluster = GeneratedPetition.clusterNote(petitions);
        out.printf("港北区信访局 (450802) plays %d on H2 at %s%n", YEAR, db.file().toAbsolutePath());
        out.printf("Generated (seed %d): %,d petitions (件次): %,d cases registered, %,d repeat petitions recorded on their cases;"
                + " %,d repeats in all (%.1f%%), %,d group petitions, %d about %s%n", seed, petitions.size(), caseIds.size(), recorded,
                repeats, 100.0 * repeats / petitions.size(), group, cluster.petitions(), GeneratedPetition.CLUSTER_TAG.substring(7));

        // 类案预警: petitions sharing a subject tag in the district within 30 days; the bureau is warned while no case is routed
        ClusterWatch watch = ClusterWatch.create(service, ClusterWatch.Policy.standard().withOffice(District.REGION, District.OFFICE));
        YearPlayer player = new YearPlayer(service, watch, clock, calendar, tally, out, startNanos);
        Campaign c = new Campaign(service, player, calendar, petitions, seed, YEAR, out);
        campaign.set(c);
        player.schedulePetitions(petitions, seed, last);
        c.schedule(petitionCount);
        player.play(first, stopAfter != null && stopAfter.isBefore(last) ? stopAfter : last, db.resumedAfter(),
                day -> db.dayDone(LocalDate.ofEpochDay(day)));
        if (stopAfter != null && stopAfter.isBefore(last)) {
            out.printf("Stopped after %s, as asked: resume with --resume (and the same seed and size).%n", stopAfter);
            return new Result(petitions.size(), caseIds.size(), tally.commands(), tally.rejected, null, null, db.file(),
                    (System.nanoTime() - startNanos) / 1e9);
        }
        out.printf("Played %d: %,d commands (%,d applied, %,d replayed, %,d refused), of them %,d records of the deadline sweep"
                + " (%,d warnings, %,d breaches, %,d lapses) on %d working days, %d cluster warnings (类案预警); %d escalations (提级包案),"
                + " %d leaders replaced%n", YEAR, tally.commands(), tally.applied, tally.replayed, tally.rejected, tally.sweepRecorded,
                tally.sweepWarnings, tally.sweepBreaches, tally.sweepLapses, tally.sweeps, tally.clusterWarnings, c.escalations(),
                c.replacements());
        if (!tally.rejections.isEmpty()) out.println("  refused: " + tally.rejections);

        clock.set(last.plusDays(1), LocalTime.MIDNIGHT);
        Instant asOf = clock.instant();
        YearReport report = YearReport.read(service, db.store(), YEAR, asOf, Math.max(3, petitionCount / 300), watch,
                District.officeHead());
        ReportText.print(report, out);

        double seconds = (System.nanoTime() - startNanos) / 1e9;
        LocalDate resumedAfter = db.resumedAfter();
        String run = String.format("Seed %d, %,d petitions, %,d commands%s.", seed, petitions.size(), tally.commands(),
                resumedAfter == null ? "" : " in this run, resumed after " + resumedAfter);
        Path html = dir.resolve("district-year-" + YEAR + ".html");
        Path ledger = dir.resolve("ledger-" + YEAR + ".xlsx");
        long rows;
        try {
            ReportHtml.write(report, run, html);
            List<CaseId> ids = new ArrayList<>();
            for (String id : caseIds) ids.add(new CaseId(id));
            try (OutputStream o = Files.newOutputStream(ledger)) {
                rows = Ledger.create(service, db.store(), directory).write(Ledger.Selection.of(ids), asOf, Ledger.Format.XLSX,
                        Ledger.PersonalData.MASKED, o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report files in " + dir, e);
        }
        seconds = (System.nanoTime() - startNanos) / 1e9;
        out.println();
        out.println("Report (HTML, self-contained): " + html.toAbsolutePath());
        out.println("Ledger (台账, XLSX, " + rows + " cases, personal data masked): " + ledger.toAbsolutePath());
        out.printf("Done in %.1f s.%n", seconds);
        out.flush();
        return new Result(petitions.size(), caseIds.size(), tally.commands(), tally.rejected, html, ledger, db.file(), seconds);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new YearDemoException("option " + args[i - 1] + " needs a value");
        return args[i];
    }

    private static LocalDate day(String[] args, int i) {
        String v = value(args, i);
        try {
            return LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new YearDemoException("option " + args[i - 1] + " needs a day as YYYY-MM-DD");
        }
    }

    private static long number(String[] args, int i) {
        String v = value(args, i);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new YearDemoException("option " + args[i - 1] + " needs a whole number");
        }
    }
}
