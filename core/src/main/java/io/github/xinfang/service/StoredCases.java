package io.github.xinfang.service;

import io.github.xinfang.cases.CodecException;
import io.github.xinfang.internal.codec.CaseCodec;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.IndexMaintenance;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.text.TextRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Walks every stored case of a store that lists its case ids: for reindexing and for the text-rule scan. Stateless. */
final class StoredCases {
    private static final Logger log = LoggerFactory.getLogger(CaseService.class);

    private StoredCases() {}

    /** @return the store's index maintenance, or a refusal naming the store's class */
    static IndexMaintenance maintenance(CaseStore store) {
        if (store instanceof IndexMaintenance maintenance) return maintenance;
        throw new UnsupportedOperationException("the store does not implement IndexMaintenance: " + store.getClass().getName());
    }

    /** Loads every stored case, in case-id order, a keyset page of ids at a time. */
    static void forEach(CaseStore store, IndexMaintenance maintenance, Consumer<StoredCase> action) {
        String after = null;
        while (true) {
            List<String> ids = maintenance.caseIdsAfter(after, 500);
            if (ids.isEmpty()) return;
            for (String id : ids) store.load(id).ifPresent(action);
            after = ids.get(ids.size() - 1);
        }
    }

    /** The stored events whose text breaks today's text rule but still decode as stored (see {@link CaseService#textFindings}). */
    static List<TextRule.Finding> textFindings(CaseStore store, CaseCodec codec) {
        List<TextRule.Finding> findings = new ArrayList<>();
        forEach(store, maintenance(store), stored -> {
            for (StoredEvent e : stored.events()) {
                try {
                    codec.decodeStrictly(e);
                } catch (CodecException x) {
                    if (x.problem() != CodecException.Problem.INVALID_VALUE) throw x;
                    codec.decode(e);   // still readable as stored: a finding, not a corrupt record
                    findings.add(new TextRule.Finding(stored.caseId(), e.sequence(), e.type(), x.fieldPath().orElse(""),
                            x.getCause() == null ? x.getMessage() : x.getCause().getMessage()));
                }
            }
        });
        if (!findings.isEmpty()) log.warn("{} stored events hold text that breaks the text rule", findings.size());
        return List.copyOf(findings);
    }
}
