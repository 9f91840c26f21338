package io.github.xinfang.cases;

import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;

/**
 * An accused party as a form gives it: exactly one of a directory unit, a directory official, or an
 * outside party's name. The record only copies; {@code toString} masks the name.
 *
 * @param unit a unit of the directory, or null
 * @param official an official of the directory, or null
 * @param outsideName the name of an outside party, or null
 * @since 0.1
 */
public record AccusedPartyForm(UnitId unit, OfficialId official, String outsideName) {
    /**
     * @param unit the accused unit
     * @return a form naming a unit
     */
    public static AccusedPartyForm unit(UnitId unit) {
        return new AccusedPartyForm(unit, null, null);
    }

    /**
     * @param official the accused official
     * @return a form naming an official
     */
    public static AccusedPartyForm official(OfficialId official) {
        return new AccusedPartyForm(null, official, null);
    }

    /**
     * @param name the outside party's name
     * @return a form naming an outside party
     */
    public static AccusedPartyForm outside(String name) {
        return new AccusedPartyForm(null, null, name);
    }

    @Override
    public String toString() {
        return "AccusedPartyForm[unit=" + unit + ", official=" + official + ", outsideName="
                + (outsideName == null ? "null" : "(" + outsideName.length() + " chars)") + "]";
    }
}
