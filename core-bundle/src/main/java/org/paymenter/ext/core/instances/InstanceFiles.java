package org.paymenter.ext.core.instances;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.core.files.AtomicWrite;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One JSON file per instance, {@code <data>/instances/<id>.json}, each replaced atomically:
 * <pre>
 * {"format": 1, "id": "...", "category": "servers", "extension": "proxmox", "name": "eu-1",
 *  "values": {"host": "..."}, "secrets": {"token": "enc:v1:..."}, "createdAt": "...", "updatedAt": "..."}
 * </pre>
 * Secrets live in their own object so that a listing never needs the extension's schema to hide them.
 */
final class InstanceFiles {

    static final String DIRECTORY = "instances";
    private static final String SUFFIX = ".json";
    private static final int FORMAT = 1;
    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> SECRETS = new TypeReference<>() { };
    private static final System.Logger LOG = System.getLogger(InstanceFiles.class.getName());

    private final Path dir;
    private final ObjectMapper mapper;

    InstanceFiles(Path dataDir, ObjectMapper mapper) {
        this.dir = dataDir.resolve(DIRECTORY);
        this.mapper = mapper;
    }

    Path directory() {
        return dir;
    }

    /** Every readable instance file; an unreadable one is logged and skipped so the others still load. */
    List<StoredInstance> loadAll() throws IOException {
        List<StoredInstance> loaded = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return loaded;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    loaded.add(read(file));
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "skipping instance file {0}: {1}", file, e.getMessage());
                }
            }
        }
        return loaded;
    }

    void save(StoredInstance instance) throws IOException {
        ObjectNode node = mapper.createObjectNode();
        node.put("format", FORMAT);
        node.put("id", instance.id());
        node.put("category", instance.category().path());
        node.put("extension", instance.extension());
        node.put("name", instance.name());
        node.set("values", mapper.valueToTree(new TreeMap<>(instance.values())));
        node.set("secrets", mapper.valueToTree(new TreeMap<>(instance.secrets())));
        node.put("createdAt", instance.createdAt().toString());
        node.put("updatedAt", instance.updatedAt().toString());
        AtomicWrite.write(file(instance.id()), mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
    }

    void delete(String id) throws IOException {
        Files.deleteIfExists(file(id));
    }

    private Path file(String id) {
        return dir.resolve(id + SUFFIX);
    }

    private StoredInstance read(Path file) throws IOException {
        JsonNode node = mapper.readTree(file.toFile());
        if (node == null || !node.isObject()) {
            throw new IOException("not a JSON object");
        }
        int format = node.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new IOException("unknown format " + node.path("format") + "; expected " + FORMAT);
        }
        String id = text(node, "id");
        String expectedName = id + SUFFIX;
        if (!InstanceIds.isWellFormed(id) || !file.getFileName().toString().equals(expectedName)) {
            throw new IOException("id '" + id + "' does not match the file name");
        }
        String categoryPath = text(node, "category");
        Category category = Category.fromPath(categoryPath)
                .orElseThrow(() -> new IOException("unknown category '" + categoryPath + "'"));
        Map<String, Object> values = node.has("values") ? mapper.convertValue(node.get("values"), VALUES) : Map.of();
        Map<String, String> secrets = node.has("secrets") ? mapper.convertValue(node.get("secrets"), SECRETS)
                : Map.of();
        return new StoredInstance(id, category, text(node, "extension"), text(node, "name"),
                ConfigValues.fromJson(new LinkedHashMap<>(values)), secrets, time(node, "createdAt"),
                time(node, "updatedAt"));
    }

    private static String text(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IOException("missing text field '" + field + "'");
        }
        return value.asText();
    }

    private static Instant time(JsonNode node, String field) throws IOException {
        String value = text(node, field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IOException("'" + field + "' is not an ISO-8601 instant: " + value, e);
        }
    }
}
