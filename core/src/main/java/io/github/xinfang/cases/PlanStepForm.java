package io.github.xinfang.cases;

import java.time.LocalDate;

/**
 * One step of a resolution plan as the portal's form gives it; checked by the case service. Immutable;
 * {@code toString} does not show the description (a {@link FormText}).
 *
 * @param description what is to be done
 * @param dueOn the day it is due
 * @since 0.2
 */
public record PlanStepForm(FormText description, LocalDate dueOn) {
    /** The same, with the {@code description} as a string ({@link FormText#ofNullable}). */
    public PlanStepForm(String description, LocalDate dueOn) {
        this(FormText.ofNullable(description), dueOn);
    }
}
