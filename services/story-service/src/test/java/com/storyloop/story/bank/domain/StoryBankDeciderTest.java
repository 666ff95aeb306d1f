package com.storyloop.story.bank.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.storyloop.story.bank.domain.BankCommand.OpenStoryBank;
import com.storyloop.story.bank.domain.BankEvent.StoryBankOpened;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoryBankDeciderTest {

    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    static final OpenStoryBank OPEN = new OpenStoryBank("bank-1", "org-1", "client-1", "coach-1", "Senior PM", TargetLevel.L6,
            LocalDate.parse("2027-01-15"), NOW);

    @Test
    void givenNoBank_whenOpened_thenTheBankIsOpenedWithEverythingTheCoachNeeds() {
        List<BankEvent> events = StoryBankDecider.decide(OPEN, StoryBank.NONE);

        assertThat(events).containsExactly(new StoryBankOpened("bank-1", "org-1", "client-1", "coach-1", "Senior PM", TargetLevel.L6,
                LocalDate.parse("2027-01-15"), NOW));
        StoryBank bank = StoryBankDecider.fold(events);
        assertThat(bank.opened()).isTrue();
        assertThat(bank.targetLevel()).isEqualTo(TargetLevel.L6);
    }

    @Test
    void givenAnOpenBank_whenOpenedAgain_thenRefusedNamingTheClient() {
        StoryBank open = StoryBankDecider.fold(StoryBankDecider.decide(OPEN, StoryBank.NONE));

        assertThatThrownBy(() -> StoryBankDecider.decide(OPEN, open))
                .isInstanceOfSatisfying(BankRuleViolation.class, e -> assertThat(e.field()).isEqualTo("clientId"))
                .hasMessageContaining("client-1 already has a story bank");
    }
}
