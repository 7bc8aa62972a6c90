package org.paymenter.ext.testkit.fakes.stripe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fake account's objects by id, in creation order. Callers hold the fake's lock.
 */
final class StripeStore {

    private final Map<String, ObjectNode> objects = new LinkedHashMap<>();

    /** A new stored object with the fields every Stripe object has. */
    ObjectNode create(String idPrefix, String objectType) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        String id = StripeIds.next(idPrefix);
        o.put("id", id);
        o.put("object", objectType);
        o.put("created", Instant.now().getEpochSecond());
        o.put("livemode", false);
        objects.put(id, o);
        return o;
    }

    Optional<ObjectNode> find(String id) {
        return Optional.ofNullable(objects.get(id));
    }

    /** The object of that id and type; Stripe's 404 otherwise. */
    ObjectNode get(String objectType, String id) {
        ObjectNode o = objects.get(id);
        if (o == null || !objectType.equals(o.path("object").asText())) {
            throw StripeError.missing(objectType, id);
        }
        return o;
    }

    List<ObjectNode> all(String objectType) {
        List<ObjectNode> found = new ArrayList<>();
        objects.values().stream().filter(o -> objectType.equals(o.path("object").asText())).forEach(found::add);
        return found;
    }

    void remove(String id) {
        objects.remove(id);
    }
}
