package io.github.xinfang.cases;

import java.util.Map;

/**
 * The Chinese names of command fields, for the Chinese message of a {@code VALIDATION} rejection: a path such as
 * {@code petition.petitioners[0].phone} reads 信访事项的信访人（第1项）的联系电话. Stateless.
 */
final class FieldNames {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("command", "操作"), Map.entry("caseId", "事项编号"), Map.entry("key", "幂等键"),
            Map.entry("actor", "操作人"), Map.entry("official", "工作人员"), Map.entry("unit", "单位"),
            Map.entry("petition", "信访事项"), Map.entry("profile", "时限方案"), Map.entry("receivedOn", "收到日期"),
            Map.entry("reason", "理由"), Map.entry("objectedOn", "提出异议日期"), Map.entry("organ", "移送机关"),
            Map.entry("transferredOn", "移送日期"), Map.entry("channel", "信访形式"), Map.entry("redirectedOn", "告知途径日期"),
            Map.entry("declinedOn", "不予受理日期"), Map.entry("servedOn", "送达日期"), Map.entry("acceptedOn", "受理日期"),
            Map.entry("days", "天数"), Map.entry("approvedOn", "批准日期"), Map.entry("petitionerToldOn", "告知信访人日期"),
            Map.entry("replyText", "答复意见"), Map.entry("proposedOn", "拟办结日期"), Map.entry("opinion", "意见"),
            Map.entry("concludedOn", "办结日期"), Map.entry("reopenedOn", "重新办理日期"), Map.entry("withdrawnOn", "撤回日期"),
            Map.entry("stage", "阶段"), Map.entry("handlingUnit", "办理单位"), Map.entry("kind", "种类"),
            Map.entry("contactedOn", "联系日期"), Map.entry("text", "答复内容"), Map.entry("repliedOn", "答复日期"),
            Map.entry("openedOn", "听证开始日期"), Map.entry("closedOn", "听证结束日期"), Map.entry("legalBasis", "法律依据"),
            Map.entry("terminatedOn", "终结日期"), Map.entry("clock", "时限"), Map.entry("round", "轮次"),
            Map.entry("dueAt", "到期时刻"), Map.entry("source", "来源"), Map.entry("designatedOn", "认定日期"),
            Map.entry("batch", "批次"), Map.entry("level", "层级"), Map.entry("batchName", "批次名称"),
            Map.entry("targetDate", "目标日期"), Map.entry("enrolledOn", "纳入日期"), Map.entry("flaggedOn", "标记日期"),
            Map.entry("leader", "包案领导"), Map.entry("leadUnit", "牵头单位"), Map.entry("taskForce", "工作专班"),
            Map.entry("coUnits", "协办单位"), Map.entry("assignedOn", "包案日期"), Map.entry("replacedOn", "调整日期"),
            Map.entry("steps", "方案步骤"), Map.entry("description", "内容"), Map.entry("dueOn", "完成期限"),
            Map.entry("recordedOn", "记录日期"), Map.entry("step", "步骤"), Map.entry("doneOn", "完成日期"),
            Map.entry("evidence", "化解材料"), Map.entry("claimedOn", "申请日期"), Map.entry("rejectedOn", "退回日期"),
            Map.entry("reportedOn", "报告日期"), Map.entry("into", "并入事项"), Map.entry("mergedOn", "并案日期"),
            Map.entry("merged", "被并事项"), Map.entry("headcount", "人数"), Map.entry("skippedLevel", "越级情况"),
            Map.entry("satisfaction", "满意度"), Map.entry("visitedOn", "回访日期"), Map.entry("ratedOn", "评价日期"), Map.entry("addressee", "督办对象"),
            Map.entry("issuedOn", "督办日期"), Map.entry("feedbackDueOn", "反馈期限"), Map.entry("supervision", "督办"),
            Map.entry("feedback", "反馈"), Map.entry("givenOn", "反馈日期"), Map.entry("duty", "职责时限"),
            Map.entry("facts", "事实"), Map.entry("fact", "事实种类"), Map.entry("on", "日期"),
            Map.entry("category", "信访类别"), Map.entry("subjectArea", "内容分类"), Map.entry("regionCode", "行政区划代码"),
            Map.entry("firstPetition", "是否初次信访"), Map.entry("repeatsCase", "原信访事项"), Map.entry("petitioners", "信访人"),
            Map.entry("name", "姓名"), Map.entry("idNumber", "身份证号码"), Map.entry("phone", "联系电话"),
            Map.entry("address", "地址"), Map.entry("accused", "被反映对象"), Map.entry("outsideName", "外部对象名称"),
            Map.entry("summary", "主要诉求"), Map.entry("outcome", "处理结果"));

    private FieldNames() {}

    /**
     * @param path a field path of dotted names with optional {@code [i]} indexes
     * @return the path in Chinese; a name without a Chinese name stays as it is
     */
    static String chinese(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("\\.")) {
            if (out.length() > 0) out.append('的');
            int bracket = segment.indexOf('[');
            String name = bracket < 0 ? segment : segment.substring(0, bracket);
            out.append(NAMES.getOrDefault(name, name));
            if (bracket >= 0 && segment.endsWith("]")) {
                String index = segment.substring(bracket + 1, segment.length() - 1);
                try {
                    out.append("（第").append(Integer.parseInt(index) + 1).append("项）");
                } catch (NumberFormatException e) {
                    out.append(segment, bracket, segment.length());
                }
            }
        }
        return out.toString();
    }

    /** @return whether every name in the path has a Chinese name (for tests) */
    static boolean known(String path) {
        for (String segment : path.split("\\.")) {
            int bracket = segment.indexOf('[');
            if (!NAMES.containsKey(bracket < 0 ? segment : segment.substring(0, bracket))) return false;
        }
        return true;
    }
}
