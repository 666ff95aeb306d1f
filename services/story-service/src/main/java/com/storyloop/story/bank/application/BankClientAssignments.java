package com.storyloop.story.bank.application;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.storyloop.web.access.ClientAssignment;
import com.storyloop.web.access.ClientAssignments;

/**
 * Which coach a client has, answered from the bank itself: this service owns StoryBankOpened and CoachAssigned, so a coach
 * sees a client the moment the bank names them, and loses them the moment another coach is assigned (no projection lag).
 */
@Component
public class BankClientAssignments implements ClientAssignments {

    private final BankRepository banks;

    public BankClientAssignments(BankRepository banks) {
        this.banks = banks;
    }

    @Override
    public Optional<ClientAssignment> find(String orgId, String clientId) {
        if (orgId == null || clientId == null) {
            return Optional.empty();
        }
        return banks.bankIdOfClient(orgId, clientId).flatMap(banks::load).map(BankRepository.Loaded::bank).filter(b -> b.opened())
                .map(b -> new ClientAssignment(b.orgId(), b.clientId(), b.coachId()));
    }
}
