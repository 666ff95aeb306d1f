package com.storyloop.coverage.principles.adapter.out.postgres;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a poll batch's rows in one statement, {@code ... select * from unnest(?::type[], ...)}, a column per array: a
 * rebuild writes rows per event, and a statement per row costs more than the rows themselves.
 */
final class Unnest {

    private Unnest() {
    }

    /** {@code sql} ends with the unnest select (one {@code ?::type[]} per column, in order) and whatever follows it. */
    static void write(JdbcTemplate jdbc, String sql, List<String> types, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Object[][] columns = new Object[types.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            for (int c = 0; c < types.size(); c++) {
                columns[c][r] = row[c];
            }
        }
        jdbc.update(con -> {
            var ps = con.prepareStatement(sql);
            for (int c = 0; c < columns.length; c++) {
                ps.setArray(c + 1, con.createArrayOf(types.get(c), columns[c]));
            }
            return ps;
        });
    }

    /** {@code unnest(?::t1[], ?::t2[], ...)} for these types. */
    static String of(List<String> types) {
        StringBuilder sql = new StringBuilder("unnest(");
        for (int i = 0; i < types.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("?::").append(types.get(i)).append("[]");
        }
        return sql.append(')').toString();
    }
}
