package org.paymenter.ext.api;

/** The panel's customer an operation is for. */
public record User(String id, String email, String firstName, String lastName) {

    /** "First Last", or the e-mail address when no name is known. */
    public String displayName() {
        String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return full.isEmpty() ? email : full;
    }
}
