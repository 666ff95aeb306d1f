package com.storyloop.story.bank.application;

import java.util.List;
import java.util.Optional;

import com.storyloop.story.bank.domain.BankEvent;
import com.storyloop.story.bank.domain.StoryBank;

/** Port: where banks' events live. */
public interface BankRepository {

    /** The bank folded from its events, and its stream version. */
    Optional<Loaded> load(String bankId);

    /** Client ids are only unique within an organisation, so a client's bank is always looked up with its organisation. */
    Optional<String> bankIdOfClient(String orgId, String clientId);

    /** Appends to the bank's stream at the expected version; conflicts surface as StreamVersionConflict. */
    long append(StoryBank before, long expectedVersion, List<BankEvent> events, EventContext context);

    record Loaded(StoryBank bank, long version) {
    }
}
