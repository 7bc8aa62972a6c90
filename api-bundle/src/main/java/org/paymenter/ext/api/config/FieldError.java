package org.paymenter.ext.api.config;

/** Why one submitted value was refused, as a sentence naming the field ("port must be a number"). */
public record FieldError(String field, String message) {
}
