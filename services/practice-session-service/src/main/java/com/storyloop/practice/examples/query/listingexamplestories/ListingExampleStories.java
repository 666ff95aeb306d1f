package com.storyloop.practice.examples.query.listingexamplestories;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.storyloop.practice.content.domain.ContentAllowList;
import com.storyloop.practice.questions.domain.Level;
import com.storyloop.rubric.scorecard.Principle;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.access.Access;

/**
 * Lists the example-story library filtered by principle (examples illustrating it), level (examples for any level plus those
 * pitched at exactly that level, as for questions) and provider, one page at a time, ordered by provider, pack and id.
 * A member is served only their own organisation's examples from providers its content allow-list lets through; an
 * operator, who has no organisation, none.
 */
@Component
public class ListingExampleStories {

    private final JdbcTemplate jdbc;
    private final ContentAllowList allowList;

    public ListingExampleStories(JdbcTemplate jdbc, ContentAllowList allowList) {
        this.jdbc = jdbc;
        this.allowList = allowList;
    }

    public ExampleStoryPage list(Caller caller, Optional<Principle> principle, Optional<Level> level, Optional<String> provider, int page,
                                 int size) {
        Access.requireMember(caller);
        StringBuilder where = new StringBuilder(" where org_id = ? and provider_id = any(?)");
        List<Object> args = new ArrayList<>();
        args.add(caller.orgId() == null ? "" : caller.orgId());
        args.add(allowList.servedTo(caller.orgId()).toArray(new String[0]));
        principle.ifPresent(p -> {
            where.append(" and ? = any(principles)");
            args.add(p.name());
        });
        level.ifPresent(l -> {
            where.append(" and (level is null or level = ?)");
            args.add(l.name());
        });
        provider.ifPresent(p -> {
            where.append(" and provider_id = ?");
            args.add(p);
        });
        Long total = jdbc.queryForObject("select count(*) from example_stories" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<ExampleStoryPage.ExampleStoryView> items = jdbc.query("""
                select example_id, title, principles, level, verdict, situation, task, action, result, story_text, commentary,
                       provider_id, pack_id, pack_version
                from example_stories""" + where + " order by provider_id, pack_id, example_id limit ? offset ?",
                ListingExampleStories::view, pageArgs.toArray());
        long totalItems = total == null ? 0 : total;
        return new ExampleStoryPage(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
    }

    private static ExampleStoryPage.ExampleStoryView view(ResultSet rs, int row) throws SQLException {
        String provider = rs.getString("provider_id");
        return new ExampleStoryPage.ExampleStoryView(rs.getString("example_id"), rs.getString("title"),
                Arrays.asList((String[]) rs.getArray("principles").getArray()), rs.getString("level"), rs.getString("verdict"),
                rs.getString("situation"), rs.getString("task"), rs.getString("action"), rs.getString("result"), rs.getString("story_text"),
                rs.getString("commentary"), provider, provider, rs.getString("pack_id"), rs.getString("pack_version"));
    }
}
