package com.storyloop.coverage.principles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.storyloop.coverage.support.CoverageServiceIT;
import com.storyloop.testsupport.TestTokens;
import com.storyloop.web.tenancy.TenantScope;
import com.storyloop.web.tenancy.TenantScopedDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL itself keeps organisations apart: queries with no organisation filter at all, issued through the service's
 * own connections as a request of one organisation would, see and write only that organisation's rows.
 */
class RowLevelSecurityIT extends CoverageServiceIT {

    @Test
    void aQueryWithoutAnOrganisationFilterSeesOnlyTheCallersOrganisation() throws Exception {
        String acme = "acme-" + UUID.randomUUID();
        String globex = "globex-" + UUID.randomUUID();
        String acmeClient = "ada-" + UUID.randomUUID();
        String globexClient = "bob-" + UUID.randomUUID();
        List<PrincipleCoverageIT.Sent> events = new ArrayList<>(PrincipleCoverageIT.scenario(acme, acmeClient));
        events.addAll(PrincipleCoverageIT.scenario(globex, globexClient));
        PrincipleCoverageIT.send(events);
        awaitApplied("coverage-principles", events.stream().map(PrincipleCoverageIT.Sent::eventId).toList(), Duration.ofSeconds(90));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from coverage.client_directory where client_id in (?, ?)", Long.class, acmeClient, globexClient) == 2);

        // as a request of acme: no where clause on the organisation
        List<String> seen = TenantScope.callAs(acme, () -> jdbc.queryForList(
                "select distinct org_id from coverage.coverage_fact where org_id in (?, ?) or true", String.class, acme, globex));
        long globexRows = TenantScope.callAs(acme, () -> jdbc.queryForObject(
                "select count(*) from coverage.client_directory where client_id = ?", Long.class, globexClient));

        assertThat(seen).containsExactly(acme);
        assertThat(globexRows).isZero();
        assertThat(jdbc.queryForObject("select count(distinct org_id) from coverage.coverage_fact where org_id in (?, ?)", Long.class, acme, globex))
                .as("the projection itself, not bound to an organisation, has both").isEqualTo(2);
    }

    @Test
    void aWriteNamingAnotherOrganisationIsRefusedByTheDatabase() {
        String acme = "acme-" + UUID.randomUUID();

        assertThatThrownBy(() -> TenantScope.callAs(acme, () -> jdbc.update(
                "insert into coverage.client_directory (org_id, client_id, bank_id, coach_id, target_role, target_level, last_version)"
                        + " values ('globex', 'intruder', 'b', null, 'PM', 'L5', 1)")))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
        assertThat(jdbc.queryForObject("select count(*) from coverage.client_directory where client_id = 'intruder'", Long.class)).isZero();
    }

    @Test
    void anOperatorSeesNoOrganisationsRows() {
        long asOperator = TenantScope.callAs(null, () -> jdbc.queryForObject("select count(*) from coverage.coverage_fact", Long.class));

        assertThat(asOperator).isZero();
        assertThat(jdbc.queryForObject("select count(*) from coverage.coverage_fact", Long.class)).as("unscoped").isPositive();
    }

    @Test
    void aConnectionGoesBackToThePoolAsItCameAndOnlyItsServicesTenantRoleIsUsed() throws Exception {
        // one physical connection, so the second borrower provably gets the very connection the first gave back
        SingleConnectionDataSource single = new SingleConnectionDataSource(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password", ""), true);
        try {
            JdbcTemplate physical = new JdbcTemplate(single);
            physical.execute("set search_path to coverage");
            JdbcTemplate scoped = new JdbcTemplate(new TenantScopedDataSource(single));
            String owner = physical.queryForObject("select current_user", String.class);

            List<String> during = TenantScope.callAs("acme", () -> List.of(scoped.queryForObject("select current_user", String.class),
                    scoped.queryForObject("select current_setting('storyloop.org_id')", String.class)));
            List<String> after = List.of(scoped.queryForObject("select current_user", String.class),
                    scoped.queryForObject("select coalesce(current_setting('storyloop.org_id', true), '')", String.class));

            assertThat(during).containsExactly("coverage_tenant", "acme");
            assertThat(after).containsExactly(owner, "");
            assertThat(physical.queryForObject("select has_schema_privilege('coverage_tenant', 'coverage', 'usage')", Boolean.class)).isTrue();
        } finally {
            single.destroy();
        }
    }

    @Test
    void aRebuiltProjectionKeepsItsRowLevelSecurityPoliciesAndGrants() throws Exception {
        String globex = "globex-" + UUID.randomUUID();
        List<PrincipleCoverageIT.Sent> globexEvents = PrincipleCoverageIT.scenario(globex, "bob-" + UUID.randomUUID());
        PrincipleCoverageIT.send(globexEvents);
        awaitApplied("coverage-client-directory", globexEvents.stream().limit(1).map(PrincipleCoverageIT.Sent::eventId).toList(), Duration.ofSeconds(90));
        token = TestTokens.operator();
        assertThat(send("POST", "/api/admin/projections/coverage-client-directory/rebuild", null).statusCode()).isEqualTo(202);
        assertThat(awaitRebuildEnded("coverage-client-directory", Duration.ofMinutes(2))).contains("\"state\":\"DONE\"");

        assertThat(jdbc.queryForObject("select relrowsecurity from pg_class where oid = 'coverage.client_directory'::regclass", Boolean.class)).isTrue();
        assertThat(jdbc.queryForList("select policyname || ': ' || qual from pg_policies where schemaname = 'coverage' and tablename = 'client_directory'",
                String.class)).singleElement().asString().startsWith("tenant_isolation: ").contains("storyloop.org_id");
        assertThat(jdbc.queryForObject("select has_table_privilege('coverage_tenant', 'coverage.client_directory', 'select')", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from coverage.client_directory where org_id = ?", Long.class, globex))
                .as("the rebuilt table has another organisation's rows").isPositive();
        String acme = "acme-" + UUID.randomUUID();
        assertThat(TenantScope.callAs(acme, () -> jdbc.queryForObject("select count(*) from coverage.client_directory where org_id <> ?", Long.class, acme)))
                .as("which a request of acme does not see").isZero();
    }
}
