package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.IndexRow;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.quicktheories.generators.SourceDSL.integers;

/** The random queries and the row order {@link CaseQueryTck} uses. */
final class CaseQuerySuite {

    private CaseQuerySuite() {}

    /** The knobs of one random query, resolved against the reference's rows when it runs. */
    record QuerySpec(Instant before, boolean farBefore, int limit, int keyset, int rowPick, Instant anyAt,
                     String anyCaseId, String region, String unit) {}

    static Gen<QuerySpec> querySpecs() {
        Gen<String> regions = StoredRecordGenerators.regionPrefixes();
        Gen<String> units = StoredRecordGenerators.unitIds();
        return in -> new QuerySpec(StoredRecordGenerators.attentionInstants().generate(in),
                integers().between(0, 1).generate(in) == 0, integers().between(1, 12).generate(in),
                integers().between(0, 2).generate(in), integers().between(0, 1_000).generate(in),
                StoredRecordGenerators.attentionInstants().generate(in), StoredRecordGenerators.caseIds().generate(in),
                integers().between(0, 2).generate(in) == 0 ? regions.generate(in) : null,
                integers().between(0, 2).generate(in) == 0 ? units.generate(in) : null);
    }

    /** The order of the attention query: (next attention instant, case id). */
    static final Comparator<IndexRow> KEY = Comparator.comparing((IndexRow r) -> r.nextAttentionAt().orElseThrow(
            () -> new AssertionError("Q1: a row without a next attention instant was returned: such rows never appear")))
            .thenComparing(IndexRow::caseId);

    /** Each row as case id @ next attention instant. */
    static List<String> keys(List<IndexRow> rows) {
        List<String> ids = new ArrayList<>();
        for (IndexRow r : rows) ids.add(r.caseId() + "@" + r.nextAttentionAt().orElse(null));
        return ids;
    }
}
