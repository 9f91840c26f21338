package io.github.xinfang.service;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.PetitionForm.FormText;
import io.github.xinfang.internal.codec.PlainJson;
import io.github.xinfang.petition.Address;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.petition.IdNumber;
import io.github.xinfang.petition.PersonName;
import io.github.xinfang.petition.PhoneNumber;

/**
 * xinfang's values as JSON for applications (a controller's response, a message to another system), as
 * plain values any JSON library writes: a {@code Map} in property order, a {@code List}, a {@code String}, a
 * {@code Number}, a {@code Boolean} or {@code null}; a value that is not one of xinfang's (an application's own item in
 * a page) is left in the tree as it is, for the application's mapper. The Spring Boot starter's Jackson modules (Jackson 2 on Boot
 * 3.5, Jackson 3 on Boot 4) are thin adapters over this class, so both lines write and read the same JSON.
 *
 * <p>The form is the stored one (the codec's: ids and codes as strings, instants and dates in ISO-8601, a variant
 * of a sealed value type with its {@code kind}), with what an application needs besides: an event carries its
 * stored {@code type} name and its {@code id}, a command its stored {@code type} name; the case state, an index
 * row and a rejection are written through their accessors.
 *
 * <p><b>Personal data is masked</b> unless a call asks for it in clear: names, ID numbers, phones, addresses and
 * every free text (a petition's summary, a reason, an opinion, a reply, evidence), whether typed
 * ({@link PersonName}, {@link IdNumber}, {@link PhoneNumber}, {@link Address}, {@link FreeText}, {@link FormText})
 * or raw ({@link PetitionForm.Petitioner}'s four fields, {@link PetitionForm.AccusedParty#outsideName()}, a stored event's
 * or snapshot's payload).
 * A masked value is the value's {@code toString} (张三 → 张*, 138****5678, {@code (12 chars)}).
 *
 * <p>Reading: commands (by their {@code type} name when the target is {@code CaseCommand} or one of its tracks),
 * forms, actors and value types, from the same plain values; a refused input is an
 * {@link IllegalArgumentException} whose message names the path and the problem, never the input's text.
 *
 * <p>Immutable and thread-safe; costly to build, so build one and share it.
 *
 * @since 0.6
 */
public final class ApplicationJson {
    /** The property carrying an event's or a command's stored type name. */
    public static final String TYPE = PlainJson.TYPE;

    private final PlainJson json;

    private ApplicationJson(PlainJson json) {
        this.json = json;
    }

    /** @return the application JSON; build one and share it */
    public static ApplicationJson create() {
        return new ApplicationJson(PlainJson.create());
    }

    /**
     * @param type a class
     * @return whether this class writes values of it: a record, the {@link CaseState case state}, an index row or a
     *     rejection of xinfang (not the starter's own types)
     */
    public boolean writes(Class<?> type) {
        return json.writes(type);
    }

    /**
     * @param type a class
     * @return whether this class reads values of it: a {@link CaseCommand command} or one of its tracks, a record with
     *     a stored shape (forms, actors' variants, value types), an actor, an accused party or a clock's source
     */
    public boolean reads(Class<?> type) {
        return json.reads(type);
    }

    /**
     * Writes a value as plain values.
     *
     * @param value the value, or null
     * @param inClear whether personal data is written in clear (only when a caller asked for it, per call)
     * @return its plain form
     */
    public Object write(Object value, boolean inClear) {
        return json.write(value, inClear);
    }

    /**
     * Reads a value from plain values.
     *
     * @param tree the plain values ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean} or null)
     * @param type the type to read, one this class {@link #reads}
     * @param <T> the type
     * @return the value
     * @throws IllegalArgumentException if the input does not make a value of the type; the message names the path
     *     and the problem, never the input's text
     */
    public <T> T read(Object tree, Class<T> type) {
        return json.read(tree, type);
    }
}
