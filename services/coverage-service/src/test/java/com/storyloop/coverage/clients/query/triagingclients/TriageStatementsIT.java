package com.storyloop.coverage.clients.query.triagingclients;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import com.storyloop.coverage.support.CoverageEvents;
import com.storyloop.coverage.support.CoverageServiceIT;
import com.storyloop.events.PrincipleCode;
import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Triage costs the same few statements however many clients are in the window: no query per client (issue 7). */
class TriageStatementsIT extends CoverageServiceIT {

    @Test
    void triageReadsTheWindowAndAllItsBanksInTwoStatementsWhateverTheirNumber() throws Exception {
        // given an organisation with one client in the window and another with six, each client with a scored story
        String small = organisation(1);
        String large = organisation(6);

        // when each organisation's triage is read through a connection that counts the statements it is asked to prepare
        AtomicInteger statements = new AtomicInteger();
        TriageQuery query = new TriageQuery(new JdbcTemplate(counting(jdbc.getDataSource(), statements)));
        TriageQuery.Triage smallTriage = query.triage(admin(small), small, "14", null, "2");
        int forSmall = statements.getAndSet(0);
        TriageQuery.Triage largeTriage = query.triage(admin(large), large, "14", null, "2");
        int forLarge = statements.get();

        // then both took the same two statements (the window, then every bank in it), and the large one still answered a page
        assertThat(smallTriage.ranked()).hasSize(1);
        assertThat(largeTriage.ranked()).hasSize(2);
        assertThat(largeTriage.hasNext()).isTrue();
        assertThat(largeTriage.ranked()).allSatisfy(row -> assertThat(row.storiesAtPass()).isEqualTo(1));
        assertThat(forSmall).isEqualTo(2);
        assertThat(forLarge).isEqualTo(2);
    }

    /** An organisation of {@code clients} clients interviewing within a week, each with one PASS story, once coverage shows them all. */
    private String organisation(int clients) throws Exception {
        String org = "org-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String client = "client-" + i + "-" + UUID.randomUUID();
            ids.add(client);
            CoverageEvents.send(client, CoverageEvents.bankOpened(org, client, "coach-1", LocalDate.now(ZoneOffset.UTC).plusDays(1 + i % 7)),
                    CoverageEvents.drafted(org, client, client + "-s1", PrincipleCode.FRUGALITY, 1),
                    CoverageEvents.passed(org, client, client + "-s1", PrincipleCode.FRUGALITY, 2));
        }
        token = TestTokens.orgAdmin(org);
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/orgs/" + org + "/triage?size=500", "text/csv").body().lines()
                .filter(l -> l.endsWith(",1,1")).count() == clients);
        return org;
    }

    private static Caller admin(String org) {
        return new Caller("admin-" + org, org, Set.of(Role.ORG_ADMIN), null, null);
    }

    private static DataSource counting(DataSource target, AtomicInteger statements) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")
                            || method.getName().equals("prepareCall")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
            }
        };
    }
}
