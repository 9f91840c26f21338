package io.github.xinfang.cases;

import io.github.xinfang.petition.Address;
import io.github.xinfang.petition.IdNumber;
import io.github.xinfang.petition.PersonName;
import io.github.xinfang.petition.PhoneNumber;

import java.util.Objects;

/**
 * A person behind a petition (信访人). Every part is personal data and masks itself in {@code toString}.
 * Immutable.
 *
 * @param name the name
 * @param idNumber the resident ID number, or null if not given
 * @param phone the phone, or null if not given
 * @param address the address, or null if not given
 * @since 0.1
 */
public record Petitioner(PersonName name, IdNumber idNumber, PhoneNumber phone, Address address) {
    /** @throws NullPointerException if name is null */
    public Petitioner {
        Objects.requireNonNull(name, "name");
    }
}
