package com.storyloop.eventing.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.testsupport.RealInfrastructure;
import com.storyloop.testsupport.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay's page query must walk the (transaction_id, position) index, never sort the table per page: a select-list
 * cast aliased to the ORDER BY key's name silently turns it into a sort (measured 50x slower).
 */
@RealInfrastructure
class RelayQueryPlanTest {

    @Test
    void thePageQueryReadsThroughTheRelayOrderIndexWithoutSorting() throws Exception {
        try (HikariDataSource dataSource = TestDatabases.freshSchema("plan", "classpath:db/eventstore")) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.update("""
                    insert into events (event_id, stream_id, stream_version, event_type, partition_key, org_id, payload)
                    select gen_random_uuid(), 'stream-' || n, 1, 'StoryRevised', 'client-' || (n % 500), 'org-1', decode(repeat('ab', 300), 'hex')
                      from generate_series(1, 50000) as n
                    """);
            jdbc.execute("analyze events");

            List<String> plan = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("explain " + OutboxRelay.PAGE_QUERY)) {
                ps.setString(1, "0");
                ps.setLong(2, 0);
                ps.setInt(3, 1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.add(rs.getString(1));
                    }
                }
            }
            String text = String.join("\n", plan);
            assertThat(text).as(text).contains("Index Scan using events_relay_order");
            assertThat(text).as(text).doesNotContain("Sort");
        }
    }
}
