package org.paymenter.ext.store.api;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param next the cursor of the following page, or null when this is the last
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }
}
