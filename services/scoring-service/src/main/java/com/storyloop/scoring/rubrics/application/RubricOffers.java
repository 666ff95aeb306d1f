package com.storyloop.scoring.rubrics.application;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.definition.RubricDefinition;

/**
 * Rubrics providers offer an organisation (RubricPublished): whether this service's engine can run one, and, when an admin
 * adopts an offered version, its registration as a rubric version of that organisation only, so adoption itself stays
 * what it always was.
 */
@Service
public class RubricOffers {

    /** An offer as stored; {@code requires} is null when the engine can run the definition. */
    public record Offer(String orgId, String providerId, String rubricVersion, String packId, String packVersion, String title,
                        String definition, String requires, java.time.Instant offeredAt) {

        public boolean adoptable() {
            return requires == null;
        }
    }

    /** Offered rubrics as the consumer of content.events stores them. */
    public interface OfferedRubrics {

        List<Offer> offeredTo(String orgId);
    }

    /** The organisation was offered the version, but the engine cannot run it: said plainly instead of adopting it. */
    public static final class OfferNotRunnable extends RuntimeException {
        public OfferNotRunnable(String message) {
            super(message);
        }
    }

    private final OfferedRubrics offers;
    private final RubricCatalog catalog;
    private final RegisterRubricHandler register;

    public RubricOffers(OfferedRubrics offers, RubricCatalog catalog, RegisterRubricHandler register) {
        this.offers = offers;
        this.catalog = catalog;
        this.register = register;
    }

    /**
     * What running the definition requires that it lacks, or null when this engine can score with it as version
     * {@code rubricVersion}. A provider may publish for a newer engine; such an offer is listed, not adopted.
     */
    public String requirement(String rubricVersion, String json) {
        RubricDefinition definition;
        try {
            definition = RubricDefinition.fromJson(json);
            new RubricEngine(definition); // patterns and word classes are checked when an engine is built
        } catch (RuntimeException e) {
            return "a definition this rubric engine can build (" + catalog.standard().rubricVersion() + " format, see GET /api/rubrics/"
                    + catalog.standardVersion() + "): " + e.getMessage();
        }
        if (!rubricVersion.equals(definition.version())) {
            return "a definition whose version is " + rubricVersion + ", not " + definition.version();
        }
        if (rubricVersion.equals(catalog.standardVersion()) || !RegisterRubricHandler.VERSION.matcher(rubricVersion).matches()) {
            return "a rubric version other than the built-in one, of 1 to 64 letters, digits or ._+-";
        }
        return null;
    }

    public List<Offer> offeredTo(String orgId) {
        return offers.offeredTo(orgId);
    }

    /**
     * Before an organisation adopts {@code rubricVersion}: the offer to register for it when the version is offered to it and
     * not yet one it may use; empty when it is already usable (built in, installation-wide or registered for it) or not
     * offered (adoption then reports an unknown version). Registration itself waits until the adoption is appended
     * ({@link #register}): the append must be the transaction's first write.
     *
     * @throws OfferNotRunnable when the engine cannot run the offered definition
     * @throws RegisterRubricHandler.RubricVersionTaken when the version is registered (for another organisation or the
     *                                                  installation) with another definition: never silently the other one
     */
    public Optional<Offer> toRegister(String orgId, String rubricVersion) {
        if (catalog.visibleTo(orgId, rubricVersion)) {
            return Optional.empty();
        }
        List<Offer> offered = offers.offeredTo(orgId).stream().filter(o -> o.rubricVersion().equals(rubricVersion))
                .sorted(Comparator.comparing(Offer::adoptable).reversed()).toList();
        Optional<Offer> offer = offered.stream().findFirst();
        if (offer.isEmpty()) {
            return Optional.empty();
        }
        if (!offer.get().adoptable()) {
            throw new OfferNotRunnable("rubric version " + rubricVersion + " is offered by " + offer.get().providerId() + " but requires "
                    + offer.get().requires());
        }
        Offer o = offer.get();
        // the same definition under the same name may be registered for several owners; another one may not (no owner named)
        register.requireFree(register.check(o.definition()), "rubricVersion", "rubric version " + rubricVersion + " offered by "
                + o.providerId() + " cannot be adopted: the version name is taken by another definition; the provider must publish it "
                + "under another version");
        return offer;
    }

    /** Registers an offer checked by {@link #toRegister} for the organisation it was offered to, in the same transaction. */
    public void register(Offer offer) {
        register.register(offer.definition(), offer.title(), offer.providerId(), offer.packVersion(), offer.orgId());
    }
}
