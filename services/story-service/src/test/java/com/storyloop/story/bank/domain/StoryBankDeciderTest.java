package com.storyloop.story.bank.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.storyloop.story.bank.domain.BankCommand.AssignCoach;
import com.storyloop.story.bank.domain.BankCommand.OpenStoryBank;
import com.storyloop.story.bank.domain.BankCommand.SetInterviewDate;
import com.storyloop.story.bank.domain.BankEvent.CoachAssigned;
import com.storyloop.story.bank.domain.BankEvent.InterviewDateSet;
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

    static StoryBank opened() {
        return StoryBankDecider.fold(StoryBankDecider.decide(OPEN, StoryBank.NONE));
    }

    @Test
    void givenAnOpenBank_whenTheInterviewIsMoved_thenTheNewDateIsSet() {
        List<BankEvent> events = StoryBankDecider.decide(new SetInterviewDate(LocalDate.parse("2027-02-01"), NOW), opened());

        assertThat(events).containsExactly(new InterviewDateSet("bank-1", LocalDate.parse("2027-02-01"), NOW));
        assertThat(StoryBankDecider.evolve(opened(), events.get(0)).interviewDate()).isEqualTo(LocalDate.parse("2027-02-01"));
    }

    @Test
    void givenAnOpenBank_whenTheInterviewDateIsCleared_thenItIsNull() {
        List<BankEvent> events = StoryBankDecider.decide(new SetInterviewDate(null, NOW), opened());

        assertThat(StoryBankDecider.evolve(opened(), events.get(0)).interviewDate()).isNull();
    }

    @Test
    void givenAnInterviewDate_whenTheSameDateIsSet_thenRefusedAsANoOp() {
        assertThatThrownBy(() -> StoryBankDecider.decide(new SetInterviewDate(LocalDate.parse("2027-01-15"), NOW), opened()))
                .isInstanceOfSatisfying(BankRuleViolation.class, e -> assertThat(e.field()).isEqualTo("interviewDate"))
                .hasMessageContaining("already is 2027-01-15");
    }

    @Test
    void givenACoach_whenAnotherIsAssigned_thenTheEventNamesBothAndTheNewOneCoaches() {
        List<BankEvent> events = StoryBankDecider.decide(new AssignCoach("coach-2", NOW), opened());

        assertThat(events).containsExactly(new CoachAssigned("bank-1", "coach-2", "coach-1", NOW));
        assertThat(StoryBankDecider.evolve(opened(), events.get(0)).coachId()).isEqualTo("coach-2");
    }

    @Test
    void givenACoach_whenTheSameCoachIsAssigned_thenRefusedAsANoOp() {
        assertThatThrownBy(() -> StoryBankDecider.decide(new AssignCoach("coach-1", NOW), opened()))
                .isInstanceOfSatisfying(BankRuleViolation.class, e -> assertThat(e.field()).isEqualTo("coachId"));
    }

    @Test
    void givenNoBank_whenChanged_thenRefused() {
        assertThatThrownBy(() -> StoryBankDecider.decide(new AssignCoach("coach-2", NOW), StoryBank.NONE))
                .isInstanceOfSatisfying(BankRuleViolation.class, e -> assertThat(e.field()).isEqualTo("bankId"));
    }
}
