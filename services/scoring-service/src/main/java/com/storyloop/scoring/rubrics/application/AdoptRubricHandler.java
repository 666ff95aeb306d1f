package com.storyloop.scoring.rubrics.application;

import java.time.Clock;
import java.util.List;
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
 * (RubricPublished) is registered in the same transaction first.
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

    public AdoptRubricHandler(OrgAdoptions adoptions, RubricCatalog catalog, StartRescoringJob rescoring, Clock clock, RubricOffers offers) {
        this.adoptions = adoptions;
        this.catalog = catalog;
        this.rescoring = rescoring;
        this.clock = clock;
        this.offers = offers;
    }

    /** @throws RubricOffers.OfferNotRunnable when the version was offered by a provider but this engine cannot run it */
    /**
     * An organisation-wide setting: its org admins only; its coaches and clients 403, anyone else 404 (checked before the
     * request is, so an outsider learns nothing from a 400 either).
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
        offers.registerIfOffered(orgId, rubricVersion);
        adoptions.lockOrganisation(orgId);
        OrgAdoptions.Loaded loaded = adoptions.load(orgId);
        List<RubricAdopted> events = RubricAdoptionDecider.decide(
                new AdoptRubric(orgId, rubricVersion, catalog.versionNames(), catalog.standardVersion(), clock.instant()), loaded.state());
        if (events.isEmpty()) {
            return new Adopted(orgId, rubricVersion, null, null, null);
        }
        RubricAdopted adopted = events.get(0);
        UUID eventId = adoptions.append(adopted, loaded.version(), context);
        UUID jobId = rescoring.start(orgId, rubricVersion, adopted.previousVersion(), eventId, context.correlationId());
        return new Adopted(orgId, rubricVersion, adopted.previousVersion(), eventId, jobId);
    }
}
