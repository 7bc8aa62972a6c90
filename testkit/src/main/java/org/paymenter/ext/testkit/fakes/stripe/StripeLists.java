package org.paymenter.ext.testkit.fakes.stripe;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Stripe's list envelope: {@code {"object": "list", "data": [...], "has_more", "url"}}. */
final class StripeLists {

    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 100;

    private StripeLists() {
    }

    static ObjectNode page(String url, List<ObjectNode> items, Params params) {
        int limit = params.text("limit").map(Integer::parseInt).orElse(DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw StripeError.invalid("limit", "This value must be less than or equal to 100 (it currently is "
                    + limit + ").");
        }
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        items.stream().limit(limit).forEach(i -> data.add(i.deepCopy()));
        list.put("has_more", items.size() > limit);
        list.put("url", url);
        return list;
    }
}
