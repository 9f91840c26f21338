package io.github.xinfang.cases;

import java.time.LocalDate;

/**
 * One step of a resolution plan as the portal's form gives it; checked by the case service. Immutable;
 * {@code toString} does not show the description.
 *
 * @param description what is to be done
 * @param dueOn the day it is due
 * @since 0.2
 */
public record PlanStepForm(String description, LocalDate dueOn) {
    @Override
    public String toString() {
        return "PlanStepForm[description=" + (description == null ? "null" : "(" + description.length() + " chars)")
                + ", dueOn=" + dueOn + "]";
    }
}
