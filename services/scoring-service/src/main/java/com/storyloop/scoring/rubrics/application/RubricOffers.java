package com.storyloop.scoring.rubrics.application;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.definition.RubricDefinition;

/**
 * Rubrics providers offer an organisation (RubricPublished): whether this service's engine can run one, and, when an admin
 * adopts an offered version, its registration as a rubric version first, so adoption itself stays what it always was.
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
     * Before an organisation adopts {@code rubricVersion}: a version offered to it and not yet registered is registered
     * (with the provider's provenance); one the engine cannot run is refused with what it requires.
     */
    public void registerIfOffered(String orgId, String rubricVersion) {
        if (catalog.exists(rubricVersion)) {
            return;
        }
        List<Offer> offered = offers.offeredTo(orgId).stream().filter(o -> o.rubricVersion().equals(rubricVersion))
                .sorted(Comparator.comparing(Offer::adoptable).reversed()).toList();
        Optional<Offer> offer = offered.stream().findFirst();
        if (offer.isEmpty()) {
            return; // adoption reports the unknown version
        }
        if (!offer.get().adoptable()) {
            throw new OfferNotRunnable("rubric version " + rubricVersion + " is offered by " + offer.get().providerId() + " but requires "
                    + offer.get().requires());
        }
        Offer o = offer.get();
        register.register(o.definition(), o.title(), o.providerId(), o.packVersion());
    }
}
