package io.github.xinfang.cases;

import io.github.xinfang.time.Fact;

import java.time.LocalDate;

/**
 * One dated fact of a case brought in from a portal's earlier system (历史数据导入), so its clocks come out
 * right. The record only copies; the case service checks it.
 *
 * @param fact what happened: a procedure fact (not {@link Fact#RECEIVED}, which is the petition's own date, nor
 *     {@link Fact#ENDED}, nor a fact of the resolution track or supervision, which follow the facts before it)
 * @param on when
 * @param days the extension in days, for {@link Fact#EXTENDED}; null otherwise
 * @since 0.1
 */
public record ImportedFact(Fact fact, LocalDate on, Integer days) {
    /**
     * @param fact the fact
     * @param on its date
     * @return a fact without days
     */
    public static ImportedFact of(Fact fact, LocalDate on) {
        return new ImportedFact(fact, on, null);
    }
}
