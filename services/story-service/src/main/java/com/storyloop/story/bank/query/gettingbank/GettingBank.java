package com.storyloop.story.bank.query.gettingbank;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.storyloop.story.bank.application.BankRepository;

/** Reads a bank by id or by its client, folded from the bank's own stream (always current, never stale). */
@Component
public class GettingBank {

    private final BankRepository banks;

    public GettingBank(BankRepository banks) {
        this.banks = banks;
    }

    public Optional<BankView> byId(String bankId) {
        return banks.load(bankId).filter(loaded -> loaded.bank().opened()).map(loaded -> {
            var b = loaded.bank();
            return new BankView(b.bankId(), b.orgId(), b.clientId(), b.coachId(), b.targetRole(), b.targetLevel().name(),
                    b.interviewDate(), loaded.version());
        });
    }

    public Optional<BankView> byClient(String clientId) {
        return banks.bankIdOfClient(clientId).flatMap(this::byId);
    }
}
