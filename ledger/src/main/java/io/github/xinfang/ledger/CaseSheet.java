package io.github.xinfang.ledger;

import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.ledger.Ledger.PersonalData;
import io.github.xinfang.service.ApplicationJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One case's sheet (一案一表): its ledger row as label and value pairs, a blank row, then its history, one event a row:
 * sequence, recorded instant, stored type name, actor, and the event's own fields (personal data masked unless asked).
 */
final class CaseSheet {
    private static final ApplicationJson JSON = ApplicationJson.create();
    /** The fields each history row shows in columns of their own. */
    private static final Set<String> OWN_COLUMNS = Set.of(ApplicationJson.TYPE, "id", "actor", "recordedAt");

    private CaseSheet() {}

    static void write(Sheets sheet, Ledger.Row row, List<CaseEvent> events, Columns.Cells cells) throws IOException {
        List<Object> headers = Columns.headers();
        List<Object> values = Columns.cells(row, cells);
        for (int i = 0; i < headers.size(); i++) sheet.row(List.of(headers.get(i), values.get(i) == null ? "" : values.get(i)));
        sheet.row(List.of());
        sheet.row(List.of("序号", "记录时间", "事件", "经办", "内容"));
        for (CaseEvent e : events) {
            Object written = JSON.write(e, cells.personal() == PersonalData.IN_CLEAR);
            List<String> fields = new ArrayList<>();
            if (written instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> f : m.entrySet()) {
                    if (!OWN_COLUMNS.contains(String.valueOf(f.getKey()))) fields.add(f.getKey() + "=" + f.getValue());
                }
            }
            sheet.row(List.of(e.id().sequence(), cells.instants().format(e.recordedAt()), e.typeName(), e.actor().toString(),
                    String.join("; ", fields)));
        }
    }
}
