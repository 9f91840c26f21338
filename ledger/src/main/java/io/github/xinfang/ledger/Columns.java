package io.github.xinfang.ledger;

import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.ledger.Ledger.PersonalData;
import io.github.xinfang.time.TimeLimits.ObligationStatus;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ledger's columns, one table: the header and how a row's value becomes a cell (text, a {@code LocalDate} or a
 * {@code Long}; null for an empty cell). Personal data passes through {@link #personal}, never around it.
 */
enum Columns {
    BATCH("批次", (r, p) -> r.batch()),
    SERIAL("序号", (r, p) -> r.serial()),
    CASE_ID("事项编号", (r, p) -> r.caseId().value()),
    RECEIVED_ON("登记日期", (r, p) -> r.receivedOn()),
    PETITIONERS("信访人", (r, p) -> joined(r.petitioners(), x -> personal(x.name(), x.name() == null ? null : x.name().value(), p.personal()))),
    ID_NUMBERS("身份证号", (r, p) -> joined(r.petitioners(), x -> personal(x.idNumber(), x.idNumber() == null ? null : x.idNumber().value(), p.personal()))),
    PHONES("联系电话", (r, p) -> joined(r.petitioners(), x -> personal(x.phone(), x.phone() == null ? null : x.phone().value(), p.personal()))),
    REGION("区划", (r, p) -> r.region().value()),
    CATEGORY("类别", (r, p) -> r.category().chinese()),
    STAGE("办理阶段", (r, p) -> r.stage().chinese()),
    TRACK_STATE("化解状态", (r, p) -> r.trackState() == null ? null : r.trackState().chinese()),
    LEADER("包案领导", (r, p) -> r.leader() == null ? null : r.leader().value()),
    LEADER_POST("职务", (r, p) -> r.leaderPost()),
    LEAD_UNIT("牵头单位", (r, p) -> r.leadUnit() == null ? null : r.leadUnit().value()),
    TASK_FORCE("工作专班", (r, p) -> joined(r.taskForce(), o -> o.value())),
    PLAN_STEPS("化解措施", (r, p) -> steps(r.planSteps(), p.personal())),
    CLAIM_KIND("化解类型", (r, p) -> r.claimKind() == null ? null : r.claimKind().chinese()),
    LAST_PROGRESS("最近进展日期", (r, p) -> r.lastProgressOn()),
    REPEATS("重复信访次数", (r, p) -> (long) r.repeatCount()),
    SKIPPED_LEVELS("越级情况", (r, p) -> r.skippedLevels().stream().sorted().map(CaseActivity.SkippedLevel::chinese)
            .collect(Collectors.joining("、"))),
    FOLLOW_UP("回访结果", (r, p) -> r.followUp() == null ? null : r.followUp().chinese()),
    TARGET_DATE("目标日期", (r, p) -> r.targetDate()),
    NEXT_DUE("下一期限", (r, p) -> r.nextDueAt() == null ? null : p.instants().format(r.nextDueAt())),
    CLOCKS("时限状态", (r, p) -> joined(r.clocks(), Columns::clock)),
    WORKING_DAYS_LATE("超期工作日", (r, p) -> r.workingDaysLate());

    final String header;
    private final BiFunction<Ledger.Row, Cells, Object> cell;

    Columns(String header, BiFunction<Ledger.Row, Cells, Object> cell) {
        this.header = header;
        this.cell = cell;
    }

    static List<Object> headers() {
        List<Object> out = new ArrayList<>();
        for (Columns c : values()) out.add(c.header);
        return out;
    }

    static List<Object> cells(Ledger.Row row, Cells cells) {
        List<Object> out = new ArrayList<>();
        for (Columns c : values()) out.add(c.cell.apply(row, cells));
        return out;
    }

    /** @return a personal value: its masked form ({@code toString}) unless the call asked for it in clear */
    static String personal(Object value, String clear, PersonalData personal) {
        if (value == null) return null;
        return personal == PersonalData.IN_CLEAR ? clear : value.toString();
    }

    private static <T> String joined(List<T> values, Function<T, String> text) {
        List<String> parts = new ArrayList<>();
        for (T v : values) parts.add(Objects.requireNonNullElse(text.apply(v), ""));
        return parts.isEmpty() || parts.stream().allMatch(String::isEmpty) ? null : String.join("、", parts);
    }

    private static String steps(List<Resolution.PlanStep> steps, PersonalData personal) {
        List<String> parts = new ArrayList<>();
        int n = 1;
        for (Resolution.PlanStep s : steps) {
            parts.add(n++ + ". " + personal(s.description(), s.description().value(), personal) + "（限" + s.dueOn()
                    + (s.doneOn() == null ? "，未完成）" : "，" + s.doneOn() + "完成）"));
        }
        return parts.isEmpty() ? null : String.join("；", parts);
    }

    private static String clock(ObligationStatus c) {
        return c.source().chinese() + ":" + c.state();
    }

    /**
     * How one call writes cells: personal data masked or in clear, instants as the local time of the service's time
     * limits' zone, to the minute.
     */
    record Cells(PersonalData personal, DateTimeFormatter instants) {
        static Cells of(PersonalData personal, ZoneId zone) {
            return new Cells(personal, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone));
        }
    }
}
