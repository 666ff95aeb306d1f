package com.storyloop.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the services' JSON (plain maps and lists) without a cast at every step; a missing field reads as empty. */
public final class JsonFields {

    private JsonFields() {
    }

    public static String text(Map<String, ?> object, String field) {
        Object value = object == null ? null : object.get(field);
        return value == null ? null : value.toString();
    }

    public static String textOrEmpty(Map<String, ?> object, String field) {
        String value = text(object, field);
        return value == null ? "" : value;
    }

    public static Integer integer(Map<String, ?> object, String field) {
        Object value = object == null ? null : object.get(field);
        return value instanceof Number ? ((Number) value).intValue() : null;
    }

    public static Double decimal(Map<String, ?> object, String field) {
        Object value = object == null ? null : object.get(field);
        return value instanceof Number ? ((Number) value).doubleValue() : null;
    }

    public static boolean flag(Map<String, ?> object, String field) {
        Object value = object == null ? null : object.get(field);
        return Boolean.TRUE.equals(value);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, ?> object, String field) {
        Object value = object == null ? null : object.get(field);
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objects(Map<String, ?> object, String field) {
        Object value = object == null ? null : object.get(field);
        List<Map<String, Object>> items = new ArrayList<>();
        if (value instanceof List) {
            for (Object item : (List<Object>) value) {
                if (item instanceof Map) {
                    items.add((Map<String, Object>) item);
                }
            }
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    public static List<String> texts(Map<String, ?> object, String field) {
        Object value = object == null ? null : object.get(field);
        List<String> items = new ArrayList<>();
        if (value instanceof List) {
            for (Object item : (List<Object>) value) {
                if (item != null) {
                    items.add(item.toString());
                }
            }
        }
        return items;
    }
}
