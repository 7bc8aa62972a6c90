package org.paymenter.ext.core.api;

import java.util.List;
import java.util.stream.Collectors;

import org.paymenter.ext.api.config.FieldError;

/** Every field of a submitted config (and the instance name, as field {@code name}) that was refused. */
public class InstanceValidationException extends InstanceException {
    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public InstanceValidationException(String extensionPath, List<FieldError> errors) {
        super(Kind.INVALID, "invalid config for " + extensionPath + ": " + errors.stream()
                .map(FieldError::message).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
