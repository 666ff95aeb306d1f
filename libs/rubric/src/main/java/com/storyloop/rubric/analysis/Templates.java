package com.storyloop.rubric.analysis;

import java.util.Map;

/** Fills {name} placeholders of message templates from the rubric definition. */
final class Templates {
    private Templates() {
    }

    static String fill(String template, Map<String, ?> values) {
        if (template == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int j = template.indexOf('}', i);
                if (j > i) {
                    String key = template.substring(i + 1, j);
                    Object v = values.get(key);
                    if (v != null) {
                        sb.append(v);
                        i = j + 1;
                        continue;
                    }
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }
}
