package org.paymenter.ext.others.discord;

import java.util.ArrayList;
import java.util.List;

/**
 * Discord refuses a whole message (400, Invalid Form Body) when one embed part is too long, so an embed is
 * cut to fit before it is sent: an invoice with 40 items still gets its notification, with the last
 * fields summarised. Paymenter sends as is and loses such notifications.
 */
final class EmbedLimits {

    static final int TITLE = 256;
    static final int DESCRIPTION = 4096;
    static final int FIELDS = 25;
    static final int FIELD_NAME = 256;
    static final int FIELD_VALUE = 1024;
    static final int FOOTER = 2048;
    /** The sum of title, description, field names and values and footer text over a message's embeds. */
    static final int TOTAL = 6000;
    /** Discord requires a non-empty field name and value. */
    static final String EMPTY_PLACEHOLDER = "-";
    static final String MORE_NAME = "More";

    private EmbedLimits() {
    }

    static Embed fit(Embed embed) {
        Embed cut = new Embed(cut(embed.title(), TITLE), cut(embed.description(), DESCRIPTION), List.of(),
                embed.color(), cut(embed.footer(), FOOTER), embed.timestamp());
        List<EmbedField> fields = new ArrayList<>();
        for (EmbedField field : embed.fields()) {
            fields.add(new EmbedField(nonEmpty(cut(field.name(), FIELD_NAME)), nonEmpty(cut(field.value(), FIELD_VALUE)),
                    field.inline()));
        }
        if (fields.size() <= FIELDS && size(cut, fields) <= TOTAL) {
            return cut.withFields(fields);
        }
        // The longest run of fields that fits beside a last field summarising the rest.
        int keep = Math.min(fields.size(), FIELDS - 1);
        while (keep > 0 && size(cut, fields.subList(0, keep)) + moreSize(fields.size() - keep) > TOTAL) {
            keep--;
        }
        List<EmbedField> shown = new ArrayList<>(fields.subList(0, keep));
        shown.add(more(fields.size() - keep));
        return cut.withFields(shown);
    }

    private static EmbedField more(int count) {
        return EmbedField.inline(MORE_NAME, count + " more not shown");
    }

    private static int moreSize(int count) {
        EmbedField more = more(count);
        return more.name().length() + more.value().length();
    }

    private static int size(Embed embed, List<EmbedField> fields) {
        int size = embed.title().length() + embed.description().length() + embed.footer().length();
        for (EmbedField field : fields) {
            size += field.name().length() + field.value().length();
        }
        return size;
    }

    static String cut(String text, int limit) {
        if (text == null) {
            return "";
        }
        return text.length() <= limit ? text : prefix(text, limit - EventFields.ELLIPSIS.length()) + EventFields.ELLIPSIS;
    }

    /** The first {@code length} chars, one fewer when that would split an emoji's surrogate pair. */
    static String prefix(String text, int length) {
        int end = length > 0 && Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }

    private static String nonEmpty(String text) {
        return text.isBlank() ? EMPTY_PLACEHOLDER : text;
    }
}
