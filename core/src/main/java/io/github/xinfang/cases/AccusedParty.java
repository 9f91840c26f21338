package io.github.xinfang.cases;

import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.FreeText;

import java.util.Objects;

/**
 * A party a petition accuses (被反映人/被举报单位): a unit or an official of the directory, or an outside
 * party named in text. Accusation materials never reach the accused (Art. 30(3)). Immutable.
 *
 * @since 0.1
 */
public sealed interface AccusedParty {

    /**
     * A unit of the directory.
     *
     * @param unit the unit
     * @since 0.1
     */
    record AccusedUnit(UnitId unit) implements AccusedParty {
        /** @throws NullPointerException if unit is null */
        public AccusedUnit {
            Objects.requireNonNull(unit, "unit");
        }
    }

    /**
     * An official of the directory.
     *
     * @param official the official
     * @since 0.1
     */
    record AccusedOfficial(OfficialId official) implements AccusedParty {
        /** @throws NullPointerException if official is null */
        public AccusedOfficial {
            Objects.requireNonNull(official, "official");
        }
    }

    /**
     * A party outside the directory (a company, a person), named in text that is masked in {@code toString}.
     *
     * @param name the name as text
     * @since 0.1
     */
    record OutsideParty(FreeText name) implements AccusedParty {
        /** @throws NullPointerException if name is null */
        public OutsideParty {
            Objects.requireNonNull(name, "name");
        }
    }
}
