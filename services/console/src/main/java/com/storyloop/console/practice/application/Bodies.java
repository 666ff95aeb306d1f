package com.storyloop.console.practice.application;

import java.util.List;
import java.util.Map;

/** Reading the services' JSON bodies (plain maps and lists) without a cast at every step; a missing value reads as empty. */
final class Bodies {

    private Bodies() {
    }

    static String text(Map<String, Object> body, String key) {
        Object value = body == null ? null : body.get(key);
        return value == null ? null : String.valueOf(value);
    }

    static Integer number(Map<String, Object> body, String key) {
        Object value = body == null ? null : body.get(key);
        return value instanceof Number ? ((Number) value).intValue() : null;
    }

    static boolean flag(Map<String, Object> body, String key) {
        Object value = body == null ? null : body.get(key);
        return Boolean.TRUE.equals(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> body, String key) {
        Object value = body == null ? null : body.get(key);
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Map<String, Object> body, String key) {
        Object value = body == null ? null : body.get(key);
        if (!(value instanceof List)) {
            return List.of();
        }
        return ((List<Object>) value).stream().filter(Map.class::isInstance).map(v -> (Map<String, Object>) v).toList();
    }

    static List<String> texts(Map<String, Object> body, String key) {
        Object value = body == null ? null : body.get(key);
        if (!(value instanceof List)) {
            return List.of();
        }
        return ((List<?>) value).stream().filter(v -> v != null).map(String::valueOf).toList();
    }
}
