package com.storyloop.coverage.principles.query.readingcoverage;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.storyloop.coverage.principles.adapter.out.postgres.BankRows;
import com.storyloop.coverage.principles.domain.BankStory;
import com.storyloop.coverage.principles.domain.CoverageReport;
import com.storyloop.coverage.principles.domain.PrincipleCoverage;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.access.Access;
import com.storyloop.web.problems.ResourceNotFound;

/**
 * A client's coverage as the caller may see it: the client, their coach or an org admin, and only within the caller's own
 * organisation (the tables are read with its org id), so another organisation's client of the same id stays invisible.
 */
@Component
class CoverageQuery {

    record Coverage(List<BankStory> bank, CoverageReport report) {
    }

    private final JdbcTemplate jdbc;
    private final Access access;

    CoverageQuery(JdbcTemplate jdbc, Access access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    Coverage read(Caller caller, String clientId) {
        String orgId = caller.orgId();
        access.requireClient(caller, orgId, clientId, "client", clientId);
        List<BankStory> bank = BankRows.bank(jdbc, orgId, clientId);
        if (bank.isEmpty() && jdbc.queryForObject("select count(*) from client_directory where org_id = ? and client_id = ?", Long.class,
                orgId, clientId) == 0) {
            throw new ResourceNotFound("client", clientId);
        }
        return new Coverage(bank, PrincipleCoverage.assess(bank));
    }
}
