package org.paymenter.ext.others.discord;

import java.time.Instant;
import java.util.List;

/** A Discord embed with the parts this extension uses. */
record Embed(String title, String description, List<EmbedField> fields, int color, String footer, Instant timestamp) {

    Embed {
        fields = List.copyOf(fields);
    }

    Embed withFields(List<EmbedField> newFields) {
        return new Embed(title, description, newFields, color, footer, timestamp);
    }
}
