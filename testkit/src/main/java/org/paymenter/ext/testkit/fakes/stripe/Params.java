package org.paymenter.ext.testkit.fakes.stripe;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The parameters of one request (form body or query), read the way Stripe validates them. */
record Params(Map<String, Object> values) {

    Params {
        values = Map.copyOf(values);
    }

    Optional<String> text(String name) {
        Object v = values.get(name);
        return v instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
    }

    String required(String name) {
        return text(name).orElseThrow(() -> StripeError.missingParam(name));
    }

    /** A positive integer amount in minor units. */
    long amount(String name) {
        String raw = required(name);
        try {
            long amount = Long.parseLong(raw);
            if (amount <= 0) {
                throw StripeError.invalid(name, "This value must be greater than or equal to 1.");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw StripeError.invalid(name, "Invalid integer: " + raw);
        }
    }

    boolean flag(String name) {
        return text(name).map("true"::equals).orElse(false);
    }

    /** A nested map ({@code metadata[...]}); empty when absent. */
    @SuppressWarnings("unchecked")
    Params nested(String name) {
        Object v = values.get(name);
        return new Params(v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    }

    /** A list of nested maps ({@code line_items[0][...]}). */
    @SuppressWarnings("unchecked")
    List<Params> nestedList(String name) {
        Object v = values.get(name);
        if (!(v instanceof List<?> l)) {
            return List.of();
        }
        return l.stream().filter(Map.class::isInstance).map(m -> new Params((Map<String, Object>) m)).toList();
    }

    /** A list of strings ({@code enabled_events[0]=...}). */
    List<String> strings(String name) {
        Object v = values.get(name);
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return v instanceof String s ? List.of(s) : List.of();
    }

    /** {@code metadata[...]} as Stripe stores it: string values only. */
    ObjectNode metadata() {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        nested("metadata").values().forEach((k, v) -> m.put(k, String.valueOf(v)));
        return m;
    }
}
