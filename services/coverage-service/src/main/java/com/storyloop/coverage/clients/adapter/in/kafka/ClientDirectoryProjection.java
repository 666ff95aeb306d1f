package com.storyloop.coverage.clients.adapter.in.kafka;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.eventing.consumer.ConsumedEvent;
import com.storyloop.eventing.spring.ConsumerDefinition;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.story.CoachAssigned;
import com.storyloop.events.story.InterviewDateSet;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.schemas.Topics;

/** Folds bank events (opened, interview date set, coach assigned) into the client directory; idempotent through the consumer's inbox and a version guard. */
@Configuration
public class ClientDirectoryProjection {

    public static final String GROUP = "coverage-client-directory";

    @Bean
    ConsumerDefinition clientDirectoryConsumer() {
        return new ConsumerDefinition(GROUP, List.of(Topics.STORY_EVENTS), ClientDirectoryProjection::apply, List.of("client_directory"));
    }

    static void apply(ConsumedEvent event, JdbcTemplate jdbc) {
        if (event.event() instanceof StoryBankOpened opened) {
            EventMetadata m = opened.getMetadata();
            jdbc.update("""
                    insert into client_directory (org_id, client_id, bank_id, coach_id, target_role, target_level, interview_date, last_version)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (org_id, client_id) do update set bank_id = excluded.bank_id, coach_id = excluded.coach_id,
                        target_role = excluded.target_role, target_level = excluded.target_level, interview_date = excluded.interview_date,
                        last_version = excluded.last_version
                    where client_directory.last_version < excluded.last_version or client_directory.bank_id <> excluded.bank_id
                    """, m.getOrgId(), m.getClientId(), opened.getBankId(), opened.getCoachId(), opened.getTargetRole(),
                    opened.getTargetLevel().name(), opened.getInterviewDate(), m.getStreamVersion());
        } else if (event.event() instanceof InterviewDateSet dateSet) {
            EventMetadata m = dateSet.getMetadata();
            jdbc.update("""
                    update client_directory set interview_date = ?, last_version = ?
                     where org_id = ? and client_id = ? and bank_id = ? and last_version < ?
                    """, dateSet.getInterviewDate(), m.getStreamVersion(), m.getOrgId(), m.getClientId(), dateSet.getBankId(), m.getStreamVersion());
        } else if (event.event() instanceof CoachAssigned assigned) {
            EventMetadata m = assigned.getMetadata();
            jdbc.update("""
                    update client_directory set coach_id = ?, last_version = ?
                     where org_id = ? and client_id = ? and bank_id = ? and last_version < ?
                    """, assigned.getCoachId(), m.getStreamVersion(), m.getOrgId(), m.getClientId(), assigned.getBankId(), m.getStreamVersion());
        }
    }
}
