package com.storyloop.console.signin.adapter.out.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.console.signin.application.Accounts;
import com.storyloop.console.signin.domain.Account;
import com.storyloop.security.caller.Role;

/** Accounts in the console's {@code users} table (V1__console_users.sql). */
public class JdbcAccounts implements Accounts {

    private final JdbcTemplate jdbc;

    public JdbcAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Account> byEmail(String normalisedEmail) {
        return jdbc.query("select * from users where email = ?", (rs, n) -> account(rs), normalisedEmail).stream().findFirst();
    }

    @Override
    public Optional<Account> byUserId(String userId) {
        return jdbc.query("select * from users where user_id = ?", (rs, n) -> account(rs), userId).stream().findFirst();
    }

    @Override
    public void save(Account account) {
        jdbc.update("""
                insert into users (user_id, org_id, email, display_name, password_hash, roles, client_id, coach_id)
                values (?, ?, ?, ?, ?, cast(? as text[]), ?, ?)
                on conflict (user_id) do update set org_id = excluded.org_id, email = excluded.email, display_name = excluded.display_name,
                    password_hash = excluded.password_hash, roles = excluded.roles, client_id = excluded.client_id, coach_id = excluded.coach_id
                """, account.userId(), account.orgId(), account.email(), account.displayName(), account.passwordHash(),
                account.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",", "{", "}")),
                account.clientId(), account.coachId());
    }

    private static Account account(ResultSet rs) throws SQLException {
        Array roles = rs.getArray("roles");
        EnumSet<Role> known = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) roles.getArray()).forEach(name -> Role.named(name).ifPresent(known::add));
        return new Account(rs.getString("user_id"), rs.getString("org_id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), known, rs.getString("client_id"), rs.getString("coach_id"));
    }
}
