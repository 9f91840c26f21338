package io.github.xinfang.examples.year;

import io.github.xinfang.cases.Stage;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.report.Figures;
import io.github.xinfang.report.Ranking;
import io.github.xinfang.report.Ratio;
import io.github.xinfang.service.BatchReports;
import io.github.xinfang.service.CaseListings;
import io.github.xinfang.service.ClusterWatch;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints the year's report as a bureau chief reads it: the table of months, half-years and the year, the volumes by
 * channel and subject area, the red and black lists, the batch, the most overdue cases, the package leaders, and the
 * cluster warnings. Ids, codes, unit names and posts only; no personal data. Stateless.
 */
final class ReportText {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReportText() {}

    /** @return a ratio as "95.1% 176/185", or "— 0/0" without data */
    static String cell(Ratio r) {
        return r.percent().map(p -> p.toPlainString() + "%").orElse("—") + " " + r.numerator() + "/" + r.denominator();
    }

    /** @return the Chinese name of a channel */
    static String channel(String name) {
        switch (name) {
            case "LETTER": return "来信";
            case "VISIT": return "来访";
            case "ONLINE": return "网上信访";
            case "HOTLINE_12345": return "12345热线";
            case "LEADER_MAILBOX": return "领导信箱";
            case "AGENT": return "信访代办";
            default: return name;
        }
    }

    /** @return an instant as a Beijing-time date and time */
    static String when(Instant instant) {
        return WHEN.format(instant.atZone(ZONE));
    }

    /** @return a stage's Chinese name, from an index row's stage */
    static String stage(String stage) {
        try {
            return Stage.valueOf(stage).chinese();
        } catch (IllegalArgumentException e) {
            return stage;
        }
    }

    /** Prints the report. */
    static void print(YearReport r, PrintStream out) {
        out.println();
        out.println("== 港北区信访局 年度信访工作报告 (统计截至 " + when(r.asOf()) + " 北京时间; 来自存储的事项, 经 Figures 统计) ==");
        StringBuilder header = new StringBuilder(String.format("%-12s %6s %6s %4s", "期间", "件次", "人次", "批次"));
        for (Figures.Metric m : YearReport.TABLE_METRICS) header.append("  ").append(pad(m.chinese(), 16));
        out.println(header);
        for (YearReport.Row row : r.rows()) {
            if (row.label().endsWith("上半年")) out.println();
            StringBuilder line = new StringBuilder(String.format("%-12s %6d %6d %4d", row.label(), row.petitions(), row.persons(), row.groupVisits()));
            for (Figures.Metric m : YearReport.TABLE_METRICS) line.append("  ").append(pad(cell(row.ratio(m)), 16));
            out.println(line.toString().stripTrailing());
        }
        out.println();
        long total = YearReport.sum(r.year(), Ratio.Unit.PETITIONS);
        out.println("信访形式 (全年, 件次): " + shares(r.yearVolumes(Figures.Dimension.CHANNEL), total, true));
        Map<String, Long> subjects = r.yearVolumes(Figures.Dimension.SUBJECT_AREA);
        out.println("内容分类 (全年, 件次): " + shares(subjects, total, false));
        long five = 0;
        for (String s : District.FIVE_AREAS) five += subjects.getOrDefault(s, 0L);
        out.println("  五类 (" + String.join("、", District.FIVE_AREAS) + ") 合计 " + new Ratio(five, total, Ratio.Unit.PETITIONS));
        out.println("信访类别 (全年, 件次): " + shares(r.yearVolumes(Figures.Dimension.CATEGORY), total, false));

        for (YearReport.HalfYearRanking h : r.rankings()) {
            Ranking k = h.ranking();
            out.println();
            out.println("红黑榜 " + h.label() + " (" + k.metric().chinese() + ", 承办单位, 办件 ≥ " + k.minimumVolume() + " 件):");
            out.println("  红榜: " + entries(k.top(5)));
            out.println("  黑榜: " + entries(k.bottom(5)));
            out.println("  办件不足未排名: " + k.belowMinimum().size() + " 个单位");
        }

        BatchReports.Progress p = r.batch();
        out.println();
        out.println("交办批次 " + p.batch().value() + " (" + Campaign.BATCH_NAME + "): " + p.cases() + " 件交办, " + p.claimed() + " 件申请化解, "
                + p.resolved() + " 件销号 (实体化解 " + p.substantivelyResolved() + " 件), 退回 " + p.returned() + " 件次, 逾期未化解 "
                + p.overdue() + " 件");
        out.println("  申请化解率 " + p.claimRate() + "; 化解率 " + p.resolutionRate() + "; 实体化解率 " + p.substantiveRate());

        out.println();
        out.println("超期事项: 共 " + r.overdueTotal() + " 件; 超期最久的 " + r.mostOverdue().size() + " 件:");
        for (CaseListings.OverdueCase c : r.mostOverdue()) {
            out.printf("  %-14s %-8s %-16s %s%n", c.caseId(), pad(stage(c.row().stage()), 8),
                    pad(District.unitName(c.row().handlingUnit().orElse(null)), 16), lateClocks(c));
        }

        out.println();
        out.println("包案领导 (截至 " + when(r.asOf()) + "):");
        for (LeaderWorkload w : r.leaders()) {
            out.printf("  %-12s 在办 %3d 件, 超期 %3d 件; 全年化解率 %s%n", pad(District.post(w.leader()), 12), w.activeCases(),
                    w.overdueCases(), r.byLeader().figure(Figures.Metric.RESOLUTION, w.leader()).current());
        }

        out.println();
        out.println("类案预警 (同一标签, 本区, 30 日内; 共 " + r.clusterWarnings().size() + " 条):");
        if (r.clusterWarnings().isEmpty()) out.println("  (无)");
        for (ClusterWatch.Warning w : r.clusterWarnings()) {
            out.printf("  %s  %s  %s 级%d  %s 至 %s  %d 件次 %d 人次 %d 件  预警对象 %s%n", when(w.raisedAt()).substring(0, 10), w.tag(),
                    w.regionPrefix(), w.level(), w.windowFrom(), w.windowTo(), w.petitions(), w.persons(), w.cases().size(),
                    addressee(w));
        }
    }

    /** @return the unit a cluster warning is addressed to, by name */
    static String addressee(ClusterWatch.Warning w) {
        return w.addressee() == null ? "(未知)" : District.unitName(w.addressee().value());
    }

    /** @return a cell's lateness: each late clock with its last day and days late */
    static String lateClocks(CaseListings.OverdueCase c) {
        return c.lateClocks().stream().map(l -> l.clock() + " " + l.dueOn() + " (" + l.daysLate() + " 天)").collect(Collectors.joining(", "));
    }

    private static String entries(List<Ranking.Entry> entries) {
        if (entries.isEmpty()) return "(无)";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) sb.append("  ");
            sb.append(i + 1).append(". ").append(District.unitName(entries.get(i).id())).append(" ").append(entries.get(i).ratio());
        }
        return sb.toString();
    }

    private static String shares(Map<String, Long> volumes, long total, boolean channels) {
        return volumes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> (channels ? channel(e.getKey()) : chineseCategory(e.getKey())) + " " + e.getValue()
                        + new Ratio(e.getValue(), total, Ratio.Unit.PETITIONS).percent().map(x -> " (" + x + "%)").orElse(""))
                .collect(Collectors.joining(" · "));
    }

    private static String chineseCategory(String name) {
        try {
            return io.github.xinfang.petition.Category.valueOf(name).chinese();
        } catch (IllegalArgumentException e) {
            return name;   // a subject area is Chinese already
        }
    }

    /** Pads to a display width, counting a CJK character as two columns. */
    static String pad(String s, int width) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) w += s.charAt(i) >= 0x2E80 ? 2 : 1;
        return w >= width ? s : s + " ".repeat(width - w);
    }
}
