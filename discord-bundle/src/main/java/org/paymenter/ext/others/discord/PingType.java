package org.paymenter.ext.others.discord;

import java.util.Arrays;
import java.util.Locale;

/** Whom a notification mentions in its content: nobody, one user ({@code <@id>}) or one role ({@code <@&id>}). */
enum PingType {
    NONE("None", null),
    USER("User", "<@%s>"),
    ROLE("Role", "<@&%s>");

    private final String label;
    private final String mentionFormat;

    PingType(String label, String mentionFormat) {
        this.label = label;
        this.mentionFormat = mentionFormat;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    String label() {
        return label;
    }

    /** The mention markup for {@code id}, or "" when this type mentions nobody. */
    String mention(String id) {
        return mentionFormat == null || id == null || id.isBlank() ? "" : String.format(mentionFormat, id);
    }

    static PingType fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst().orElse(NONE);
    }
}
