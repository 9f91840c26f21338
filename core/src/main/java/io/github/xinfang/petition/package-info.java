/**
 * Petition data (信访事项的内容): who petitions, how, about what, where, and against whom.
 *
 * <p>Values here are immutable records. Values holding personal data ({@link io.github.xinfang.petition.PersonName},
 * {@link io.github.xinfang.petition.IdNumber}, {@link io.github.xinfang.petition.PhoneNumber},
 * {@link io.github.xinfang.petition.Address}, {@link io.github.xinfang.petition.FreeText}) mask it in
 * {@code toString}. Raw input from a portal's form travels in {@link io.github.xinfang.cases.PetitionForm}
 * and is parsed into a {@link io.github.xinfang.cases.Petition} when the case service decides a command.
 *
 * @since 0.1
 */
package io.github.xinfang.petition;
