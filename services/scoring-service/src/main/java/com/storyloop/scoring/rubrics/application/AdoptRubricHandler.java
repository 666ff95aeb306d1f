package com.storyloop.scoring.rubrics.application;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.storyloop.scoring.common.EventContext;
import com.storyloop.scoring.rescoring.application.StartRescoringJob;
import com.storyloop.scoring.rubrics.domain.AdoptRubric;
import com.storyloop.scoring.rubrics.domain.RubricAdopted;
import com.storyloop.scoring.rubrics.domain.RubricAdoptionDecider;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.access.Access;
import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.InvalidInput;

/**
 * An organisation adopts a rubric version: RubricAdopted, and a rescoring job over every revision it has, in one
 * transaction. New revisions are scored with the new version from then on. A version a provider offered the organisation
 * (RubricPublished) is registered for that organisation only, in the same transaction; a version registered for another
 * organisation is unknown here, and an offer whose version name another definition already took is refused.
 */
@Service
public class AdoptRubricHandler {

    /** @param jobId null when nothing changed (the version was already in effect) */
    public record Adopted(String orgId, String rubricVersion, String previousVersion, UUID eventId, UUID jobId) {

        public boolean changed() {
            return eventId != null;
        }
    }

    private final OrgAdoptions adoptions;
    private final RubricCatalog catalog;
    private final StartRescoringJob rescoring;
    private final Clock clock;
    private final RubricOffers offers;
    private final RubricDefinitions definitions;

    public AdoptRubricHandler(OrgAdoptions adoptions, RubricCatalog catalog, StartRescoringJob rescoring, Clock clock, RubricOffers offers,
                              RubricDefinitions definitions) {
        this.adoptions = adoptions;
        this.catalog = catalog;
        this.rescoring = rescoring;
        this.clock = clock;
        this.offers = offers;
        this.definitions = definitions;
    }

    /**
     * An organisation-wide setting: its org admins only; its coaches and clients 403, anyone else 404 (checked before the
     * request is, so an outsider learns nothing from a 400 either).
     *
     * @throws RubricOffers.OfferNotRunnable when the version was offered by a provider but this engine cannot run it
     * @throws RegisterRubricHandler.RubricVersionTaken when the offered version's name is registered with another definition
     */
    @Transactional
    public Adopted adopt(Caller caller, String orgId, String rubricVersion, String correlationId) {
        Access.requireOrganisation(caller, orgId);
        if (rubricVersion == null || rubricVersion.isBlank()) {
            throw new InvalidInput(new FieldProblem("rubricVersion", "is required: the version to adopt (GET /api/rubrics lists them)"));
        }
        return adopt(orgId, rubricVersion, new EventContext(caller.subject(), correlationId));
    }

    @Transactional
    public Adopted adopt(String orgId, String rubricVersion, EventContext context) {
        Optional<RubricOffers.Offer> offer = offers.toRegister(orgId, rubricVersion);
        adoptions.lockOrganisation(orgId);
        OrgAdoptions.Loaded loaded = adoptions.load(orgId);
        // only versions this organisation may use: another organisation's is as unknown as one never registered
        Set<String> available = new LinkedHashSet<>(catalog.versionNamesFor(orgId));
        offer.ifPresent(o -> available.add(o.rubricVersion()));
        List<RubricAdopted> events = RubricAdoptionDecider.decide(
                new AdoptRubric(orgId, rubricVersion, available, catalog.standardVersion(), clock.instant()), loaded.state());
        if (events.isEmpty()) {
            return new Adopted(orgId, rubricVersion, null, null, null);
        }
        RubricAdopted adopted = events.get(0);
        OrgAdoptions.Provenance provenance = offer.map(o -> new OrgAdoptions.Provenance(o.providerId(), o.packVersion()))
                .orElseGet(() -> definitions.visibleTo(orgId, rubricVersion).map(d -> new OrgAdoptions.Provenance(d.providerId(), d.packVersion()))
                        .orElse(OrgAdoptions.Provenance.NONE));
        UUID eventId = adoptions.append(adopted, loaded.version(), provenance, context);
        offer.ifPresent(offers::register); // after the append: it must be the transaction's first write
        UUID jobId = rescoring.start(orgId, rubricVersion, adopted.previousVersion(), eventId, context.correlationId());
        return new Adopted(orgId, rubricVersion, adopted.previousVersion(), eventId, jobId);
    }
}
