package org.paymenter.ext.testkit.fakes.discord;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checks Discord's Execute Webhook applies to a JSON body, with its error codes and messages: the
 * documented limits (content 2000, username 1-80, 10 embeds, title 256, description 4096, 25 fields, field
 * name 256 and value 1024, both required, footer 2048, author name 256, colour 0-16777215, ISO-8601
 * timestamp, 6000 characters over all embeds).
 */
final class MessageValidator {

    static final int CONTENT = 2000;
    static final int USERNAME_MIN = 1;
    static final int USERNAME_MAX = 80;
    static final int EMBEDS = 10;
    static final int TITLE = 256;
    static final int DESCRIPTION = 4096;
    static final int FIELDS = 25;
    static final int FIELD_NAME = 256;
    static final int FIELD_VALUE = 1024;
    static final int FOOTER = 2048;
    static final int AUTHOR_NAME = 256;
    static final int EMBEDS_TOTAL = 6000;
    static final long COLOR_MAX = 0xFFFFFF;

    private MessageValidator() {
    }

    /** The problems of {@code body}, a JSON object; empty when Discord would accept its form. */
    static ErrorTree validate(JsonNode body) {
        ErrorTree errors = new ErrorTree();
        maxLength(errors, body.get("content"), CONTENT, "content");
        JsonNode username = body.get("username");
        if (username != null && !username.isNull()) {
            String name = username.asText().strip();
            int length = name.length();
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (length < USERNAME_MIN || length > USERNAME_MAX) {
                errors.add("BASE_TYPE_BAD_LENGTH", "Must be between " + USERNAME_MIN + " and " + USERNAME_MAX
                        + " in length.", "username");
            } else if (lower.contains("discord") || lower.contains("clyde")) {
                errors.add("USERNAME_INVALID_CONTAINS", "Username cannot contain \"" + (lower.contains("discord")
                        ? "discord" : "clyde") + "\"", "username");
            } else if (lower.equals("everyone") || lower.equals("here")) {
                errors.add("USERNAME_INVALID", "Username \"" + lower + "\" is not allowed.", "username");
            }
        }
        url(errors, body.get("avatar_url"), "avatar_url");
        JsonNode embeds = body.get("embeds");
        if (embeds != null && !embeds.isNull()) {
            if (!embeds.isArray()) {
                errors.add("BASE_TYPE_ARRAY", "Must be an array.", "embeds");
            } else if (embeds.size() > EMBEDS) {
                errors.add("BASE_TYPE_MAX_LENGTH", "Must be " + EMBEDS + " or fewer in length.", "embeds");
            } else {
                int total = 0;
                for (int i = 0; i < embeds.size(); i++) {
                    total += embed(errors, embeds.get(i), i);
                }
                if (total > EMBEDS_TOTAL) {
                    errors.add("MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of " + EMBEDS_TOTAL, "embeds");
                }
            }
        }
        return errors;
    }

    /** Whether the message has nothing to show: Discord's 50006, checked after the form. */
    static boolean isEmpty(JsonNode body) {
        boolean noContent = body.path("content").asText("").isBlank();
        boolean noEmbeds = !body.path("embeds").isArray() || body.path("embeds").isEmpty();
        boolean noComponents = !body.path("components").isArray() || body.path("components").isEmpty();
        return noContent && noEmbeds && noComponents && !body.hasNonNull("sticker_ids") && !body.hasNonNull("poll");
    }

    /** Checks one embed; returns the characters it counts toward the 6000 limit. */
    private static int embed(ErrorTree errors, JsonNode embed, int index) {
        if (!embed.isObject()) {
            errors.add("MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType", "embeds", index);
            return 0;
        }
        int size = maxLength(errors, embed.get("title"), TITLE, "embeds", index, "title")
                + maxLength(errors, embed.get("description"), DESCRIPTION, "embeds", index, "description");
        url(errors, embed.get("url"), "embeds", index, "url");
        JsonNode color = embed.get("color");
        if (color != null && !color.isNull()) {
            if (!color.canConvertToLong()) {
                errors.add("NUMBER_TYPE_COERCE", "Value \"" + color.asText() + "\" is not int.", "embeds", index, "color");
            } else if (color.asLong() > COLOR_MAX) {
                errors.add("NUMBER_TYPE_MAX", "int value should be less than or equal to " + COLOR_MAX + ".",
                        "embeds", index, "color");
            } else if (color.asLong() < 0) {
                errors.add("NUMBER_TYPE_MIN", "int value should be greater than or equal to 0.", "embeds", index, "color");
            }
        }
        JsonNode timestamp = embed.get("timestamp");
        if (timestamp != null && !timestamp.isNull() && !isIso8601(timestamp.asText())) {
            errors.add("DATE_TIME_TYPE_PARSE", "Could not parse " + timestamp.asText() + ". Should be ISO8601.",
                    "embeds", index, "timestamp");
        }
        JsonNode footer = embed.get("footer");
        if (footer != null && !footer.isNull()) {
            size += required(errors, footer.get("text"), FOOTER, "embeds", index, "footer", "text");
        }
        JsonNode author = embed.get("author");
        if (author != null && !author.isNull()) {
            size += required(errors, author.get("name"), AUTHOR_NAME, "embeds", index, "author", "name");
        }
        JsonNode fields = embed.get("fields");
        if (fields != null && fields.isArray()) {
            if (fields.size() > FIELDS) {
                errors.add("BASE_TYPE_MAX_LENGTH", "Must be " + FIELDS + " or fewer in length.", "embeds", index, "fields");
            }
            for (int f = 0; f < fields.size(); f++) {
                JsonNode field = fields.get(f);
                size += required(errors, field.get("name"), FIELD_NAME, "embeds", index, "fields", f, "name")
                        + required(errors, field.get("value"), FIELD_VALUE, "embeds", index, "fields", f, "value");
            }
        }
        return size;
    }

    /** A required text: present, not blank, at most {@code max} long. Returns its length. */
    private static int required(ErrorTree errors, JsonNode value, int max, Object... path) {
        if (value == null || value.isNull() || value.asText().isBlank()) {
            errors.add("BASE_TYPE_REQUIRED", "This field is required", path);
            return 0;
        }
        return maxLength(errors, value, max, path);
    }

    private static int maxLength(ErrorTree errors, JsonNode value, int max, Object... path) {
        if (value == null || value.isNull()) {
            return 0;
        }
        int length = value.asText().length();
        if (length > max) {
            errors.add("BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length.", path);
        }
        return length;
    }

    private static void url(ErrorTree errors, JsonNode value, Object... path) {
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return;
        }
        try {
            URI uri = new URI(value.asText());
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme) || "attachment".equals(scheme))) {
                errors.add("URL_TYPE_INVALID_URL", "Not a well formed URL.", path);
            }
        } catch (URISyntaxException e) {
            errors.add("URL_TYPE_INVALID_URL", "Not a well formed URL.", path);
        }
    }

    private static boolean isIso8601(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
