package org.paymenter.ext.others.discord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Discord's error answer as a sentence: {@code 401 Invalid Webhook Token (code 50027)}, and for an invalid
 * body the first of the per-field problems, {@code 400 Invalid Form Body (code 50035):
 * embeds.0.fields.3.value: Must be 1024 or fewer in length.}
 */
final class DiscordErrors {

    static final int MAX_FIELD_ERRORS = 3;
    static final int MAX_TEXT = 200;

    private final ObjectMapper json;

    DiscordErrors(ObjectMapper json) {
        this.json = json;
    }

    String describe(int status, byte[] body) {
        JsonNode error = parse(body);
        if (error == null || !error.isObject()) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            if (text.startsWith("<")) {
                return status + " (an HTML page, not Discord's JSON: a proxy or Cloudflare answered)";
            }
            return status + (text.isEmpty() ? "" : " " + (text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text));
        }
        String message = error.path("message").asText("(no message)");
        // Discord's own 5xx messages already start with the status ("500: Internal Server Error").
        StringBuilder sentence = new StringBuilder(message.startsWith(status + ":") ? "" : status + " ").append(message);
        if (error.path("code").asInt(0) != 0) {
            sentence.append(" (code ").append(error.get("code").asText()).append(')');
        }
        List<String> problems = new ArrayList<>();
        collect(error.path("errors"), "", problems);
        if (!problems.isEmpty()) {
            sentence.append(": ").append(String.join("; ", problems.subList(0, Math.min(problems.size(), MAX_FIELD_ERRORS))));
        }
        return sentence.toString();
    }

    /** The JSON body, or null when it is not JSON (a proxy's HTML page). */
    JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** Walks Discord's error tree ({@code {"embeds": {"0": {"title": {"_errors": [...]}}}}}). */
    private static void collect(JsonNode node, String path, List<String> problems) {
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getKey().equals("_errors")) {
                entry.getValue().forEach(e -> problems.add((path.isEmpty() ? "" : path + ": ") + e.path("message").asText()));
            } else {
                collect(entry.getValue(), path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), problems);
            }
        }
    }
}
