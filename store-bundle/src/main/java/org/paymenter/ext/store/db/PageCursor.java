package org.paymenter.ext.store.db;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The opaque {@code next} of a page: the id of the last row it showed (ids sort by age). Opaque so that
 * clients pass it back rather than build one; checked on the way in, so a made-up cursor is a clear error.
 */
public final class PageCursor {

    private static final String PREFIX = "after:";
    private static final Pattern ID = Pattern.compile("[0-9A-Z]{26}");

    private PageCursor() {
    }

    public static String after(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The id a cursor continues after.
     *
     * @throws IllegalArgumentException when the cursor was not made by {@link #after}
     */
    public static String lastId(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX) && ID.matcher(text.substring(PREFIX.length())).matches()) {
                return text.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is not one this API gave out", e);
        }
        throw new IllegalArgumentException("cursor '" + cursor + "' is not one this API gave out");
    }
}
