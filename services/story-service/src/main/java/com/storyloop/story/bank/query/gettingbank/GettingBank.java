package com.storyloop.story.bank.query.gettingbank;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.storyloop.security.caller.Caller;
import com.storyloop.story.bank.application.BankRepository;
import com.storyloop.web.access.Access;

/**
 * Reads a bank by id or by its client: the bank folded from its own stream (always current), and its stories from the
 * story summaries, which are written in the same transaction as each story's events, so never stale either. A bank the
 * caller may not see reads as absent, exactly like one that does not exist.
 */
@Component
public class GettingBank {

    private final BankRepository banks;
    private final JdbcTemplate jdbc;
    private final Access access;

    public GettingBank(BankRepository banks, JdbcTemplate jdbc, Access access) {
        this.banks = banks;
        this.jdbc = jdbc;
        this.access = access;
    }

    public Optional<BankView> byId(Caller caller, String bankId) {
        return banks.load(bankId).filter(loaded -> loaded.bank().opened())
                .filter(loaded -> access.canSeeClient(caller, loaded.bank().orgId(), loaded.bank().clientId())).map(loaded -> {
            var b = loaded.bank();
            List<StorySummary> stories = storiesOf(bankId);
            return new BankView(b.bankId(), b.orgId(), b.clientId(), b.coachId(), b.targetRole(), b.targetLevel().name(),
                    b.interviewDate(), loaded.version(), stories.size(), (int) stories.stream().filter(s -> !s.retired()).count(), stories);
        });
    }

    /** The bank of the caller's organisation's client {@code clientId} (the same client id may exist in other organisations). */
    public Optional<BankView> byClient(Caller caller, String clientId) {
        if (caller.orgId() == null) {
            return Optional.empty();
        }
        return banks.bankIdOfClient(caller.orgId(), clientId).flatMap(bankId -> byId(caller, bankId));
    }

    private List<StorySummary> storiesOf(String bankId) {
        return jdbc.query("""
                select story_id, title, revision, version, format, principles, project_tag, word_count, has_deep_dive, retired, drafted_at, changed_at
                from story_summaries where bank_id = ? order by drafted_at, story_id
                """, GettingBank::summary, bankId);
    }

    private static StorySummary summary(ResultSet rs, int row) throws SQLException {
        Array principles = rs.getArray("principles");
        return new StorySummary(rs.getString("story_id"), rs.getString("title"), rs.getInt("revision"), rs.getLong("version"),
                rs.getString("format"), Arrays.asList((String[]) principles.getArray()), rs.getString("project_tag"), rs.getInt("word_count"),
                rs.getBoolean("has_deep_dive"), rs.getBoolean("retired"), rs.getTimestamp("drafted_at").toInstant(),
                rs.getTimestamp("changed_at").toInstant());
    }
}
