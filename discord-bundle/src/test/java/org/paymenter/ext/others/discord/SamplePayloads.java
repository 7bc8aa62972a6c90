package org.paymenter.ext.others.discord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Event data as Paymenter's models carry it (snake_case attributes), for the tests of every event. */
final class SamplePayloads {

    static final String PANEL = "https://panel.example.com";

    private SamplePayloads() {
    }

    static Map<String, Object> user() {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", 7);
        user.put("first_name", "Jane");
        user.put("last_name", "Doe");
        user.put("email", "jane@example.com");
        return user;
    }

    static Map<String, Object> userCreated() {
        Map<String, Object> user = user();
        user.put("properties", List.of(Map.of("key", "company", "name", "Company", "value", "Acme"),
                Map.of("key", "phone", "value", "+31 20 123 4567")));
        return Map.of("user", user);
    }

    static Map<String, Object> orderFinalized() {
        return Map.of("order", Map.of("id", 12, "user", user(), "currency_code", "EUR", "total", "24.5",
                "services", List.of(
                        Map.of("id", 31, "price", 19.99, "product", Map.of("name", "VPS S")),
                        Map.of("id", 32, "price", "4.51", "product", Map.of("name", "Backup")))));
    }

    static Map<String, Object> invoiceFinalized() {
        return Map.of("invoice", Map.of("id", 40, "user", user(), "currency_code", "USD", "formatted_total", "$25.00",
                "items", List.of(Map.of("description", "VPS S (monthly)", "quantity", 2, "price", "10"),
                        Map.of("description", "Setup fee", "quantity", 1, "formatted_price", "$5.00"))));
    }

    static Map<String, Object> invoicePaid() {
        return Map.of("invoice", Map.of("id", 40, "status", "paid"));
    }

    static Map<String, Object> ticketCreated() {
        return Map.of("ticket", Map.of("id", 5, "subject", "Server down", "user", user()));
    }

    static Map<String, Object> ticketReplied(String message) {
        return Map.of("ticket_message", Map.of("id", 90, "ticket_id", 5, "message", message));
    }

    static Map<String, Object> serviceCreated() {
        return Map.of("service", Map.of("id", 31, "user", user(), "price", "19.99", "currency_code", "EUR",
                "product", Map.of("name", "VPS S")));
    }

    static Map<String, Object> paymentRecorded() {
        return Map.of("payment", Map.of("id", "p1", "invoiceId", "40", "gateway", "stripe", "transactionId", "pi_123",
                "amount", "25.00", "currency", "USD", "status", "succeeded"));
    }

    /** An updated user: new e-mail, new password, touched timestamps, the same first name. */
    static Map<String, Object> userUpdated() {
        Map<String, Object> user = user();
        user.put("email", "jane.doe@example.com");
        user.put("updated_at", "2026-12-03T17:00:00Z");
        Map<String, Object> original = new LinkedHashMap<>();
        original.put("first_name", "Jane");
        original.put("email", "jane@example.com");
        original.put("password", "$2y$old");
        original.put("updated_at", "2026-01-01T00:00:00Z");
        return Map.of("user", user, "original", original);
    }

    /** An updated service: its status and price changed. */
    static Map<String, Object> serviceUpdated() {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("id", 31);
        service.put("status", "suspended");
        service.put("price", 24.99);
        Map<String, Object> original = new LinkedHashMap<>();
        original.put("status", "active");
        original.put("price", 19.99);
        return Map.of("service", service, "original", original);
    }
}
