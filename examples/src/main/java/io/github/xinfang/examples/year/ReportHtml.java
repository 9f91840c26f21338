package io.github.xinfang.examples.year;

import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.report.Figures;
import io.github.xinfang.report.Ranking;
import io.github.xinfang.report.Ratio;
import io.github.xinfang.service.BatchReports;
import io.github.xinfang.service.CaseListings;
import io.github.xinfang.service.ClusterWatch;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the year's report as one self-contained HTML file: inline CSS, two inline SVG charts (petitions by month,
 * first and repeat; three rates by month), the same tables as the text report. Nothing is loaded from outside: no
 * external stylesheet, script, font or image. Each figure's cell carries its numerator and denominator as
 * {@code data-num} and {@code data-den} attributes, so a reader (or a test) can check it. Stateless.
 */
final class ReportHtml {
    private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222;max-width:1200px}"
            + "table{border-collapse:collapse;margin:1em 0;font-size:13px}th,td{border:1px solid #ccc;padding:3px 6px;text-align:right}"
            + "th{background:#f2f2f2}td.l,th.l{text-align:left}tr.sum td{font-weight:bold;background:#fafafa}"
            + "small{color:#777}.note{color:#555;font-size:13px}"
            + "svg{background:#fff;border:1px solid #ddd;margin:.5em 1em .5em 0}";
    private static final String[] LINE_COLOURS = {"#1f77b4", "#d62728", "#2ca02c"};

    private ReportHtml() {}

    /**
     * Writes the report.
     *
     * @param r the report
     * @param run the run's summary line
     * @param file where
     * @throws IOException if writing fails
     */
    static void write(YearReport r, String run, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(html(r, run));
        }
    }

    static String html(YearReport r, String run) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>港北区信访局 年度信访工作报告</title><style>")
                .append(STYLE).append("</style></head><body>\n");
        h.append("<h1>港北区信访局 年度信访工作报告</h1>\n<p class=\"note\">统计截至 ").append(esc(ReportText.when(r.asOf())))
                .append(" 北京时间. Figures counted from the stored cases by the metrics API; generated data, no real person. ")
                .append(esc(run)).append("</p>\n");

        List<YearReport.Row> months = r.rows().subList(0, 12);
        h.append("<h2>月度走势</h2>\n");
        barChart(h, months);
        lineChart(h, months, List.of(Figures.Metric.TIMELY_ACCEPTANCE, Figures.Metric.ON_TIME_CONCLUSION, Figures.Metric.RATING_SATISFACTION));

        h.append("<h2>分月、半年与全年</h2>\n<table id=\"periods\"><tr><th class=\"l\">期间</th><th>件次</th><th>人次</th><th>批次</th>");
        for (Figures.Metric m : YearReport.TABLE_METRICS) h.append("<th>").append(esc(m.chinese())).append("</th>");
        h.append("</tr>\n");
        for (YearReport.Row row : r.rows()) {
            h.append("<tr data-period=\"").append(esc(row.label())).append('"').append(row.label().matches("\\d{4}-\\d{2}") ? "" : " class=\"sum\"")
                    .append("><td class=\"l\">").append(esc(row.label())).append("</td>");
            volume(h, "petitions", row.petitions());
            volume(h, "persons", row.persons());
            volume(h, "group-visits", row.groupVisits());
            for (Figures.Metric m : YearReport.TABLE_METRICS) ratio(h, m.name(), row.ratio(m));
            h.append("</tr>\n");
        }
        h.append("</table>\n");

        long total = YearReport.sum(r.year(), Ratio.Unit.PETITIONS);
        h.append("<h2>信访形式、内容分类与类别 (全年, 件次)</h2>\n");
        shares(h, "channels", r.yearVolumes(Figures.Dimension.CHANNEL), total, ReportText::channel);
        shares(h, "subjects", r.yearVolumes(Figures.Dimension.SUBJECT_AREA), total, s -> s);
        shares(h, "categories", r.yearVolumes(Figures.Dimension.CATEGORY), total,
                c -> io.github.xinfang.petition.Category.valueOf(c).chinese());

        h.append("<h2>红黑榜 (承办单位, 按期办结率)</h2>\n");
        for (int i = 0; i < r.rankings().size(); i++) {
            YearReport.HalfYearRanking hr = r.rankings().get(i);
            Ranking k = hr.ranking();
            h.append("<h3>").append(esc(hr.label())).append(" <small>办件 ≥ ").append(k.minimumVolume()).append(" 件; 办件不足未排名 ")
                    .append(k.belowMinimum().size()).append(" 个单位</small></h3>\n");
            ranking(h, "red-h" + (i + 1), "红榜", k.top(5));
            ranking(h, "black-h" + (i + 1), "黑榜", k.bottom(5));
        }

        BatchReports.Progress p = r.batch();
        h.append("<h2>交办批次 ").append(esc(p.batch().value())).append(" (").append(esc(Campaign.BATCH_NAME)).append(")</h2>\n")
                .append("<table id=\"batch\"><tr><th>交办</th><th>申请化解</th><th>销号</th><th>实体化解</th><th>退回(件次)</th><th>逾期未化解</th>")
                .append("<th>申请化解率</th><th>化解率</th><th>实体化解率</th></tr>\n<tr>");
        for (long n : new long[] {p.cases(), p.claimed(), p.resolved(), p.substantivelyResolved(), p.returned(), p.overdue()}) {
            h.append("<td>").append(n).append("</td>");
        }
        ratio(h, "CLAIM_RATE", p.claimRate());
        ratio(h, "RESOLUTION_RATE", p.resolutionRate());
        ratio(h, "SUBSTANTIVE_RATE", p.substantiveRate());
        h.append("</tr></table>\n");

        h.append("<h2>超期事项 <small>共 <span id=\"overdue-total\">").append(r.overdueTotal()).append("</span> 件; 超期最久的 ")
                .append(r.mostOverdue().size()).append(" 件</small></h2>\n<table id=\"overdue\"><tr><th class=\"l\">事项</th>")
                .append("<th class=\"l\">阶段</th><th class=\"l\">承办单位</th><th class=\"l\">超期时限 (最后一日, 超期天数)</th></tr>\n");
        for (CaseListings.OverdueCase c : r.mostOverdue()) {
            h.append("<tr data-case=\"").append(esc(c.caseId())).append("\" data-days=\"").append(c.maxDaysLate()).append("\"><td class=\"l\">")
                    .append(esc(c.caseId())).append("</td><td class=\"l\">").append(esc(ReportText.stage(c.row().stage())))
                    .append("</td><td class=\"l\">").append(esc(District.unitName(c.row().handlingUnit().orElse(null))))
                    .append("</td><td class=\"l\">").append(esc(ReportText.lateClocks(c))).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>包案领导</h2>\n<table id=\"leaders\"><tr><th class=\"l\">职务</th><th>在办</th><th>超期</th><th>全年化解率</th></tr>\n");
        for (LeaderWorkload w : r.leaders()) {
            h.append("<tr data-leader=\"").append(esc(w.leader())).append("\"><td class=\"l\">").append(esc(District.post(w.leader())))
                    .append("</td><td>").append(w.activeCases()).append("</td><td>").append(w.overdueCases()).append("</td>");
            ratio(h, "RESOLUTION", r.byLeader().figure(Figures.Metric.RESOLUTION, w.leader()).current());
            h.append("</tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>类案预警 <small>同一标签, 本区, 30 日内; 共 ").append(r.clusterWarnings().size()).append(" 条</small></h2>\n")
                .append("<table id=\"cluster-warnings\"><tr><th class=\"l\">预警日期</th><th class=\"l\">标签</th><th class=\"l\">区域</th>")
                .append("<th>级别</th><th class=\"l\">统计期间</th><th>件次</th><th>人次</th><th>事项(件)</th><th class=\"l\">预警对象</th></tr>\n");
        for (ClusterWatch.Warning w : r.clusterWarnings()) {
            h.append("<tr data-warning=\"").append(esc(w.id())).append("\"><td class=\"l\">").append(esc(ReportText.when(w.raisedAt()).substring(0, 10)))
                    .append("</td><td class=\"l\" data-tag>").append(esc(w.tag())).append("</td><td class=\"l\" data-region>")
                    .append(esc(w.regionPrefix())).append("</td><td data-level>").append(w.level()).append("</td><td class=\"l\">")
                    .append(w.windowFrom()).append(" 至 ").append(w.windowTo()).append("</td><td data-petitions>").append(w.petitions())
                    .append("</td><td data-persons>").append(w.persons()).append("</td><td data-cases>").append(w.cases().size())
                    .append("</td><td class=\"l\" data-addressee=\"").append(w.addressee() == null ? "" : esc(w.addressee().value()))
                    .append("\">").append(esc(ReportText.addressee(w))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void volume(StringBuilder h, String name, long n) {
        h.append("<td data-volume=\"").append(name).append("\">").append(n).append("</td>");
    }

    private static void ratio(StringBuilder h, String name, Ratio r) {
        h.append("<td data-metric=\"").append(name).append("\" data-num=\"").append(r.numerator()).append("\" data-den=\"")
                .append(r.denominator()).append("\">").append(r.percent().map(p -> p + "%").orElse("—")).append(" <small>")
                .append(r.numerator()).append('/').append(r.denominator()).append("</small></td>");
    }

    private static void shares(StringBuilder h, String id, Map<String, Long> volumes, long total, Function<String, String> name) {
        h.append("<table id=\"").append(id).append("\"><tr>");
        for (String k : volumes.keySet()) h.append("<th>").append(esc(name.apply(k))).append("</th>");
        h.append("</tr><tr>");
        for (Map.Entry<String, Long> e : volumes.entrySet()) {
            h.append("<td data-key=\"").append(esc(e.getKey())).append("\" data-count=\"").append(e.getValue()).append("\">").append(e.getValue())
                    .append(new Ratio(e.getValue(), total, Ratio.Unit.PETITIONS).percent().map(x -> " <small>" + x + "%</small>").orElse(""))
                    .append("</td>");
        }
        h.append("</tr></table>\n");
    }

    private static void ranking(StringBuilder h, String id, String title, List<Ranking.Entry> entries) {
        h.append("<table id=\"").append(id).append("\"><tr><th class=\"l\">").append(title).append("</th><th>按期办结率</th></tr>\n");
        for (Ranking.Entry e : entries) {
            h.append("<tr data-unit=\"").append(esc(e.id())).append("\"><td class=\"l\">").append(esc(District.unitName(e.id()))).append("</td>");
            ratio(h, Figures.Metric.ON_TIME_CONCLUSION.name(), e.ratio());
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** Petitions by month, first petitions and repeats stacked. */
    private static void barChart(StringBuilder h, List<YearReport.Row> months) {
        int width = 640, height = 260, left = 44, bottom = 30, top = 20;
        long max = 1;
        for (YearReport.Row m : months) max = Math.max(max, m.petitions());
        long scaleMax = niceCeiling(max);
        double plot = height - bottom - top;
        double slot = (width - left - 10) / 12.0;
        h.append("<svg id=\"chart-volumes\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\"><title>每月信访件次 (初信初访与重复信访)</title>");
        axis(h, left, top, width, height, bottom, scaleMax, "");
        for (int i = 0; i < months.size(); i++) {
            YearReport.Row m = months.get(i);
            long repeats = m.ratio(Figures.Metric.REPEAT_BY_PETITIONS).numerator();
            long first = m.petitions() - repeats;
            double x = left + i * slot + slot * 0.15, w = slot * 0.7;
            double hFirst = plot * first / scaleMax, hRepeat = plot * repeats / scaleMax;
            double base = height - bottom;
            h.append(String.format(Locale.ROOT, "<rect class=\"bar\" data-month=\"%s\" data-petitions=\"%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4e79a7\"/>",
                    m.label(), m.petitions(), x, base - hFirst, w, hFirst));
            h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#f28e2b\"/>", x, base - hFirst - hRepeat, w, hRepeat));
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d月</text>", x + w / 2, height - 12, i + 1));
        }
        h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"4\" width=\"10\" height=\"10\" fill=\"#4e79a7\"/><text x=\"%d\" y=\"13\" font-size=\"11\">初信初访</text>"
                + "<rect x=\"%d\" y=\"4\" width=\"10\" height=\"10\" fill=\"#f28e2b\"/><text x=\"%d\" y=\"13\" font-size=\"11\">重复信访 (件次)</text>",
                left + 10, left + 24, left + 90, left + 104));
        h.append("</svg>\n");
    }

    /** Rates by month, one line each; a month without data leaves a gap. */
    private static void lineChart(StringBuilder h, List<YearReport.Row> months, List<Figures.Metric> metrics) {
        int width = 520, height = 260, left = 44, bottom = 30, top = 20;
        double plot = height - bottom - top;
        double slot = (width - left - 10) / 12.0;
        h.append("<svg id=\"chart-rates\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\"><title>每月及时受理率、按期办结率、满意率</title>");
        axis(h, left, top, width, height, bottom, 100, "%");
        for (int i = 0; i < 12; i++) {
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d月</text>", left + (i + 0.5) * slot, height - 12, i + 1));
        }
        for (int k = 0; k < metrics.size(); k++) {
            StringBuilder d = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < months.size(); i++) {
                var pct = months.get(i).ratio(metrics.get(k)).ratio();
                if (pct.isEmpty()) {
                    pen = false;
                    continue;
                }
                double x = left + (i + 0.5) * slot, y = height - bottom - plot * pct.get();
                d.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                pen = true;
                h.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>", x, y, LINE_COLOURS[k]));
            }
            if (d.length() > 0) {
                h.append("<path class=\"line\" data-metric=\"").append(metrics.get(k).name()).append("\" d=\"").append(d.toString().trim())
                        .append("\" fill=\"none\" stroke=\"").append(LINE_COLOURS[k]).append("\" stroke-width=\"2\"/>");
            }
            h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"4\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"13\" font-size=\"11\">%s</text>",
                    left + 10 + k * 120, LINE_COLOURS[k], left + 24 + k * 120, esc(metrics.get(k).chinese())));
        }
        h.append("</svg>\n");
    }

    private static void axis(StringBuilder h, int left, int top, int width, int height, int bottom, long max, String unit) {
        double plot = height - bottom - top;
        for (int t = 0; t <= 4; t++) {
            double y = height - bottom - plot * t / 4;
            h.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>", left, y, width - 10, y));
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%d%s</text>", left - 4, y + 4, max * t / 4, unit));
        }
        h.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", left, height - bottom, width - 10, height - bottom));
    }

    private static long niceCeiling(long n) {
        long step = 10;
        while (step * 10 < n) step *= 10;
        return (n + step - 1) / step * step;
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '&': sb.append("&amp;"); break;
                case '"': sb.append("&quot;"); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }
}
