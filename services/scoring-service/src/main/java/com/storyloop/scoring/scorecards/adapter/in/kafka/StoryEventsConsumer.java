package com.storyloop.scoring.scorecards.adapter.in.kafka;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.storyloop.eventing.consumer.ConsumedEvent;
import com.storyloop.eventing.consumer.EventHandler;
import com.storyloop.eventing.consumer.RejectedEvent;
import com.storyloop.eventing.spring.ConsumerDefinition;
import com.storyloop.events.EventMetadata;
import com.storyloop.events.Level;
import com.storyloop.events.PrincipleCode;
import com.storyloop.events.story.PrinciplesClaimed;
import com.storyloop.events.story.StoryBankOpened;
import com.storyloop.events.story.StoryDrafted;
import com.storyloop.events.story.StoryRevised;
import com.storyloop.rubric.InvalidStoryException;
import com.storyloop.schemas.Topics;
import com.storyloop.scoring.scorecards.application.ScoreRevisions;
import com.storyloop.scoring.scorecards.application.ScoringPersistence;
import com.storyloop.scoring.scorecards.domain.BankCopy;
import com.storyloop.scoring.scorecards.domain.ForeignReference;
import com.storyloop.scoring.scorecards.domain.InvalidRevision;
import com.storyloop.scoring.scorecards.domain.RevisionCopy;

/**
 * Consumes story.events: keeps the local copies scoring needs (banks, every revision's text and claims) and scores each
 * drafted or revised revision with its organisation's rubric version, in the poll batch's transaction (copies,
 * RevisionScored in the event store, scorecard rows, inbox and positions commit together). A story event that describes
 * no scorable revision is refused for good, so the library dead-letters it and moves on; so is one naming a bank or story of
 * another organisation or client than its metadata (ORG_MISMATCH, CLIENT_MISMATCH), which the library's per-stream check
 * cannot see when the event comes on a stream of its own.
 */
@Configuration
class StoryEventsConsumer {

    static final String GROUP = "scoring-revisions";

    @Bean
    ConsumerDefinition scoringRevisionsConsumer(ScoreRevisions scoring, ScoringPersistence.Factory persistence) {
        return new ConsumerDefinition(GROUP, List.of(Topics.STORY_EVENTS), new Handler(scoring, persistence));
    }

    static final class Handler implements EventHandler {

        private final ScoreRevisions scoring;
        private final ScoringPersistence.Factory persistence;
        /** The persistence of the transaction being applied: the consumer applies one batch at a time, on one thread. */
        private JdbcTemplate currentJdbc;
        private ScoringPersistence current;

        Handler(ScoreRevisions scoring, ScoringPersistence.Factory persistence) {
            this.scoring = scoring;
            this.persistence = persistence;
        }

        @Override
        public void apply(ConsumedEvent consumed, JdbcTemplate jdbc) {
            EventMetadata m = consumed.metadata();
            if (consumed.key() != null && !consumed.key().equals(m.getClientId())) {
                throw new RejectedEvent("KEY_MISMATCH", consumed.type() + " " + m.getEventId() + " is keyed '" + consumed.key()
                        + "' but concerns client '" + m.getClientId() + "': the key must be metadata.clientId");
            }
            if (jdbc != currentJdbc) {
                currentJdbc = jdbc; // a new batch transaction (each has its own template)
                current = persistence.on(jdbc);
            }
            ScoringPersistence tx = current;
            try {
                if (consumed.event() instanceof StoryBankOpened) {
                    StoryBankOpened opened = (StoryBankOpened) consumed.event();
                    scoring.openBank(new BankCopy(opened.getBankId(), m.getOrgId(), m.getClientId(),
                            opened.getTargetLevel() == Level.UNKNOWN ? null : opened.getTargetLevel().name()), tx);
                } else if (consumed.event() instanceof StoryDrafted) {
                    StoryDrafted d = (StoryDrafted) consumed.event();
                    scoring.receive(RevisionCopy.of(d.getStoryId(), d.getRevision(), d.getBankId(), m.getOrgId(), m.getClientId(), d.getTitle(),
                            d.getSituation(), d.getTask(), d.getAction(), d.getResult(), d.getText(), codes(d.getPrinciples()), m.getEventId(),
                            m.getCorrelationId()), tx);
                } else if (consumed.event() instanceof StoryRevised) {
                    StoryRevised r = (StoryRevised) consumed.event();
                    scoring.receive(RevisionCopy.of(r.getStoryId(), r.getRevision(), r.getBankId(), m.getOrgId(), m.getClientId(), r.getTitle(),
                            r.getSituation(), r.getTask(), r.getAction(), r.getResult(), r.getText(), codes(r.getPrinciples()), m.getEventId(),
                            m.getCorrelationId()), tx);
                } else if (consumed.event() instanceof PrinciplesClaimed) {
                    PrinciplesClaimed c = (PrinciplesClaimed) consumed.event();
                    scoring.claimPrinciples(m.getOrgId(), m.getClientId(), c.getStoryId(), c.getRevision(), codes(c.getPrinciples()), tx);
                }
            } catch (ForeignReference e) {
                throw new RejectedEvent(e.code(), consumed.type() + " " + m.getEventId() + ": " + e.getMessage());
            } catch (InvalidRevision e) {
                throw new RejectedEvent("INVALID_REVISION", consumed.type() + " " + m.getEventId() + ": " + e.getMessage());
            } catch (InvalidStoryException e) {
                throw new RejectedEvent("INVALID_STORY", consumed.type() + " " + m.getEventId() + " cannot be scored ("
                        + e.problem() + "): " + e.getMessage());
            }
        }

        /** Claimed codes; UNKNOWN (a principle newer than this reader) cannot be scored and is left out. */
        private static List<String> codes(List<PrincipleCode> principles) {
            List<String> codes = new ArrayList<>();
            for (PrincipleCode code : principles) {
                if (code != PrincipleCode.UNKNOWN) {
                    codes.add(code.name());
                }
            }
            return codes;
        }
    }
}
