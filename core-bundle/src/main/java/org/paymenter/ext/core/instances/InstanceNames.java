package org.paymenter.ext.core.instances;

import java.util.Optional;

import org.paymenter.ext.api.config.FieldError;

/** What an instance name may be: what an admin types and the shell takes as one argument. */
final class InstanceNames {

    static final String FIELD = "name";
    static final int MAX_LENGTH = 64;

    private InstanceNames() {
    }

    static Optional<FieldError> check(String name) {
        if (name == null || name.isBlank()) {
            return error("name is required");
        }
        if (name.length() > MAX_LENGTH) {
            return error("name must be at most " + MAX_LENGTH + " characters");
        }
        if (!name.strip().equals(name)) {
            return error("name must not start or end with a space");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return error("name must not contain control characters");
        }
        return Optional.empty();
    }

    private static Optional<FieldError> error(String message) {
        return Optional.of(new FieldError(FIELD, message));
    }
}
