package io.github.xinfang.cases;

/**
 * A petitioner as a form gives it: raw strings, checked by the case service. The record only copies;
 * {@code toString} masks everything.
 *
 * @param name the name (required)
 * @param idNumber the resident ID number, or null
 * @param phone the phone, or null
 * @param address the address, or null
 * @since 0.1
 */
public record PetitionerForm(String name, String idNumber, String phone, String address) {
    @Override
    public String toString() {
        return "PetitionerForm[name=" + mask(name) + ", idNumber=" + mask(idNumber) + ", phone=" + mask(phone)
                + ", address=" + mask(address) + "]";
    }

    private static String mask(String s) {
        return s == null ? "null" : "(" + s.length() + " chars)";
    }
}
