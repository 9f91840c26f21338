package io.github.xinfang.examples.year;

import io.github.xinfang.calendar.WorkCalendar;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Makes a district's petitions for one year from a seed, deterministically: receipt days weighted by month (fewer
 * around the Spring Festival and National Day, more before the year's end) and by working day (visits only on working
 * days), channels, subject areas (five areas about 60%), categories, townships, group petitions (集体访, five people or
 * more), repeat petitions (about 30% of all: some recorded on the earlier case, some registered as new cases naming
 * it, a few of the recorded ones 越级 or 进京), subject tags (housing estates, employers, projects), and a cluster: many
 * petitions about one housing estate within a few weeks (金港华府, from 9 June). Personal data is fake and stays inside
 * the petitions. Not thread-safe; use once.
 */
final class PetitionGenerator {
    /** The share of non-cluster petitions that are repeats, in percent; the cluster's own share is higher. */
    private static final int REPEAT_PERCENT = 32;
    private static final LocalDate CLUSTER_START = LocalDate.of(2025, 6, 9);
    private static final int CLUSTER_DAYS = 26;
    private static final double[] MONTH_WEIGHTS = {1.05, 0.75, 1.1, 1.05, 0.95, 1.0, 1.0, 0.95, 1.0, 0.8, 1.05, 1.2};
    private static final String[] OTHER_ESTATES = {"江南华庭", "荷塘新苑", "东湖花园", "港湾新村", "南山名居", "城北公寓", "锦绣家园", "滨江一号"};
    private static final String[] EMPLOYERS = {"港北建工集团", "西江糖业公司", "荷城纺织厂", "港湾物流公司", "桂东食品厂"};
    private static final String[] PROJECTS = {"西江大道拓宽", "港北产业园征地", "老旧小区改造二期", "城北安置区"};
    private static final String[] SURNAMES = {"韦", "黄", "覃", "梁", "李", "陈", "莫", "蒙", "罗", "甘", "钟", "邓", "刘", "杨", "周"};
    private static final String[] GIVEN = {"秀英", "志强", "明华", "丽娟", "建国", "海燕", "桂兰", "文杰", "玉梅", "德胜", "春花", "永康",
            "小红", "家豪", "振华"};

    private final Random random;
    private final int year;
    private final WorkCalendar calendar;
    private final List<GeneratedPetition> out = new ArrayList<>();
    /** The cases opened so far, in order of receipt. */
    private final List<GeneratedPetition> cases = new ArrayList<>();
    /** Cases that already drew a repeat petition: persistent petitioners come back more often. */
    private final List<GeneratedPetition> repeated = new ArrayList<>();
    private final List<GeneratedPetition> clusterCases = new ArrayList<>();

    private PetitionGenerator(long seed, int year, WorkCalendar calendar) {
        this.random = new Random(seed);
        this.year = year;
        this.calendar = calendar;
    }

    /**
     * @param seed the seed
     * @param year the year
     * @param petitions how many petitions (件次), at least 100
     * @param calendar the district's work calendar
     * @return the petitions in order of receipt
     */
    static List<GeneratedPetition> generate(long seed, int year, int petitions, WorkCalendar calendar) {
        if (petitions < 100) throw new IllegalArgumentException("petitions must be at least 100");
        return new PetitionGenerator(seed, year, calendar).run(petitions);
    }

    private List<GeneratedPetition> run(int petitions) {
        int clusterSize = Math.max(15, petitions / 50);
        List<long[]> drafts = new ArrayList<>();   // {epoch day, cluster 1/0, tie-break}
        double[] cumulative = dayWeights();
        LocalDate first = LocalDate.of(year, 1, 1);
        for (int i = 0; i < petitions - clusterSize; i++) {
            int day = pick(cumulative);
            drafts.add(new long[] {first.plusDays(day).toEpochDay(), 0, random.nextInt()});
        }
        for (int i = 0; i < clusterSize; i++) {
            // a wave: most of it in the second and third weeks
            int day = Math.min(CLUSTER_DAYS - 1, (random.nextInt(CLUSTER_DAYS) + random.nextInt(CLUSTER_DAYS)) / 2 + random.nextInt(3));
            drafts.add(new long[] {CLUSTER_START.plusDays(day).toEpochDay(), 1, random.nextInt()});
        }
        drafts.sort(Comparator.<long[]>comparingLong(d -> d[0]).thenComparingLong(d -> d[2]));
        for (long[] d : drafts) {
            LocalDate on = LocalDate.ofEpochDay(d[0]);
            if (d[1] == 1) cluster(on);
            else ordinary(on);
        }
        return List.copyOf(out);
    }

    private double[] dayWeights() {
        LocalDate first = LocalDate.of(year, 1, 1);
        int days = first.lengthOfYear();
        double[] cumulative = new double[days];
        double sum = 0;
        for (int i = 0; i < days; i++) {
            LocalDate d = first.plusDays(i);
            sum += MONTH_WEIGHTS[d.getMonthValue() - 1] * (calendar.isWorkingDay(d) ? 1.0 : 0.3);
            cumulative[i] = sum;
        }
        for (int i = 0; i < days; i++) cumulative[i] /= sum;
        return cumulative;
    }

    private int pick(double[] cumulative) {
        double x = random.nextDouble();
        int lo = 0, hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private void ordinary(LocalDate on) {
        GeneratedPetition target = random.nextInt(100) < REPEAT_PERCENT ? repeatTarget(on) : null;
        if (target == null) {
            first(on, null);
            return;
        }
        Channel channel = channel();
        LocalDate received = channel == Channel.VISIT ? calendar.nextWorkingDayOnOrAfter(on) : on;
        repeat(received, target, channel, random.nextInt(100) < 55);
    }

    private void cluster(LocalDate on) {
        Channel channel = random.nextInt(100) < 50 ? Channel.VISIT : random.nextBoolean() ? Channel.ONLINE : Channel.HOTLINE_12345;
        LocalDate received = channel == Channel.VISIT ? calendar.nextWorkingDayOnOrAfter(on) : on;
        if (clusterCases.size() < 3 || random.nextInt(100) < 45) {
            int headcount = random.nextInt(100) < 40 ? 6 + random.nextInt(40) : 1 + random.nextInt(3);
            GeneratedPetition p = open(received, GeneratedPetition.Kind.FIRST, null, channel, Category.CLAIM, "城乡建设",
                    District.GANGCHENG.id(), new UnitId("gb-zjj"), headcount, GeneratedPetition.CLUSTER_TAG, null);
            clusterCases.add(p);
            return;
        }
        GeneratedPetition target = clusterCases.get(random.nextInt(clusterCases.size()));
        if (!target.receivedOn().isBefore(received)) target = clusterCases.get(0);
        if (!target.receivedOn().isBefore(received)) {
            first(received, null);
            return;
        }
        repeat(received, target, channel, random.nextInt(100) < 70);
    }

    /** A case received at least a week earlier, not an accusation: mostly recent, often one that was repeated already. */
    private GeneratedPetition repeatTarget(LocalDate on) {
        for (int attempt = 0; attempt < 8; attempt++) {
            GeneratedPetition t;
            if (!repeated.isEmpty() && random.nextInt(100) < 35) {
                t = repeated.get(random.nextInt(repeated.size()));
            } else {
                int end = firstReceivedAfter(on.minusDays(7));
                if (end == 0) return null;
                int start = random.nextInt(100) < 75 ? firstReceivedAfter(on.minusDays(120)) : 0;
                if (start >= end) start = 0;
                t = cases.get(start + random.nextInt(end - start));
            }
            if (t.category() != Category.ACCUSATION && t.receivedOn().isBefore(on.minusDays(6))) return t;
        }
        return null;
    }

    /** @return the index of the first case received after the day (binary search over receipt order) */
    private int firstReceivedAfter(LocalDate day) {
        int lo = 0, hi = cases.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (!cases.get(mid).receivedOn().isAfter(day)) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private void first(LocalDate on, String forcedTag) {
        District.Subject subject = subject();
        Channel channel = channel();
        LocalDate received = channel == Channel.VISIT ? calendar.nextWorkingDayOnOrAfter(on) : on;
        UnitId township = District.TOWNSHIPS.get(weighted(District.TOWNSHIP_WEIGHTS)).id();
        Category category;
        UnitId accused = null;
        UnitId handler = subject.department();
        if (subject.name().equals("纪检监察") || random.nextInt(100) < 2) {
            category = Category.ACCUSATION;
            accused = random.nextBoolean() ? township : subject.department();
            if (accused.equals(District.DISCIPLINE)) accused = township;
            handler = District.DISCIPLINE;
        } else {
            category = random.nextInt(100) < 80 ? Category.CLAIM : Category.SUGGESTION;
            if (random.nextInt(100) < subject.townshipPercent()) handler = township;
        }
        int headcount = 1;
        if (channel == Channel.VISIT && random.nextInt(100) < 10) headcount = 5 + random.nextInt(26);
        else if (channel == Channel.LETTER && random.nextInt(100) < 5) headcount = 5 + random.nextInt(15);
        else if (random.nextInt(100) < 10) headcount = 2 + random.nextInt(3);
        String tag = forcedTag;
        if (tag == null && subject.name().equals("城乡建设") && District.TOWNSHIPS.indexOf(District.handler(township)) < 2
                && random.nextBoolean()) {
            tag = random.nextInt(100) < 4 ? GeneratedPetition.CLUSTER_TAG : "estate:" + OTHER_ESTATES[random.nextInt(OTHER_ESTATES.length)];
        } else if (tag == null && subject.name().equals("劳动保障") && random.nextInt(100) < 30) {
            tag = "employer:" + EMPLOYERS[random.nextInt(EMPLOYERS.length)];
        } else if (tag == null && (subject.name().equals("自然资源") || subject.name().equals("交通运输")) && random.nextInt(100) < 25) {
            tag = "project:" + PROJECTS[random.nextInt(PROJECTS.length)];
        }
        open(received, GeneratedPetition.Kind.FIRST, null, channel, category, subject.name(), township, handler, headcount, tag, accused);
    }

    private GeneratedPetition open(LocalDate on, GeneratedPetition.Kind kind, GeneratedPetition repeats, Channel channel, Category category,
                                   String subject, UnitId township, UnitId handler, int headcount, String tag, UnitId accused) {
        String caseId = String.format("GB-%d-%05d", year, cases.size() + 1);
        GeneratedPetition p = new GeneratedPetition(out.size() + 1, on, kind, caseId, repeats == null ? null : repeats.caseId(), channel,
                category, subject, township, handler, headcount, CaseActivity.SkippedLevel.NONE, tag, accused, petitioners(headcount));
        out.add(p);
        cases.add(p);
        return p;
    }

    private void repeat(LocalDate on, GeneratedPetition target, Channel channel, boolean recorded) {
        int headcount = target.isGroup() && random.nextInt(100) < 60 ? 5 + random.nextInt(target.headcount()) : 1 + (random.nextInt(100) < 10 ? 1 : 0);
        if (recorded) {
            int r = random.nextInt(1000);
            CaseActivity.SkippedLevel skipped = r < 15 ? CaseActivity.SkippedLevel.TO_BEIJING
                    : r < (GeneratedPetition.CLUSTER_TAG.equals(target.tag()) ? 220 : 120) ? CaseActivity.SkippedLevel.SKIPPED_LEVEL
                    : CaseActivity.SkippedLevel.NONE;
            out.add(new GeneratedPetition(out.size() + 1, on, GeneratedPetition.Kind.REPEAT_RECORDED, target.caseId(), target.caseId(),
                    channel, target.category(), target.subjectArea(), target.township(), target.handler(), headcount, skipped,
                    target.tag(), target.accusesUnit(), petitioners(headcount)));
        } else {
            GeneratedPetition p = open(on, GeneratedPetition.Kind.REPEAT_NEW_CASE, target, channel, target.category(), target.subjectArea(),
                    target.township(), target.handler(), headcount, target.tag(), target.accusesUnit());
            if (GeneratedPetition.CLUSTER_TAG.equals(p.tag()) && !on.isBefore(CLUSTER_START)) clusterCases.add(p);
        }
        if (!repeated.contains(target)) repeated.add(target);
    }

    private District.Subject subject() {
        int[] weights = new int[District.SUBJECTS.size()];
        for (int i = 0; i < weights.length; i++) weights[i] = District.SUBJECTS.get(i).weight();
        return District.SUBJECTS.get(weighted(weights));
    }

    private Channel channel() {
        Channel[] channels = {Channel.LETTER, Channel.VISIT, Channel.ONLINE, Channel.HOTLINE_12345, Channel.LEADER_MAILBOX, Channel.AGENT};
        return channels[weighted(new int[] {12, 22, 30, 22, 10, 4})];
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) total += w;
        int x = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) return i;
        }
        throw new AssertionError("weights");
    }

    /** Fake petitioners: a representative for each of up to five people (Art. 20), names only. */
    private List<PetitionForm.Petitioner> petitioners(int headcount) {
        List<PetitionForm.Petitioner> list = new ArrayList<>();
        for (int i = 0; i < Math.min(5, headcount); i++) {
            list.add(new PetitionForm.Petitioner(SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)], null, null, null));
        }
        return list;
    }

    /** @return every fake name the generator can make (for tests that check nothing personal is printed) */
    static List<String> possibleNames() {
        List<String> names = new ArrayList<>();
        for (String s : SURNAMES) for (String g : GIVEN) names.add(s + g);
        return names;
    }
}
