package com.storyloop.scoring.rubrics.query.listingofferedrubrics;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import com.storyloop.scoring.rubrics.application.OrgAdoptions;
import com.storyloop.scoring.rubrics.application.RubricOffers;
import com.storyloop.security.caller.Caller;
import com.storyloop.web.problems.ResourceNotFound;

/** The rubrics providers offered an organisation, each with whether it can be adopted and whether it is the one in effect. */
@Component
public class ListingOfferedRubrics {

    /**
     * @param status   OFFERED (not in effect), or ACTIVE once the organisation adopted it
     * @param requires what the engine needs to run it (null when adoptable)
     */
    public record OfferedRubric(String rubricVersion, String title, String providerId, String packId, String packVersion, Instant offeredAt,
                                String status, boolean adoptable, String requires) {
    }

    private final RubricOffers offers;
    private final OrgAdoptions adoptions;

    public ListingOfferedRubrics(RubricOffers offers, OrgAdoptions adoptions) {
        this.offers = offers;
        this.adoptions = adoptions;
    }

    /** Every member of the organisation may see what it was offered; anyone else gets the same 404 as a stranger. */
    public List<OfferedRubric> list(Caller caller, String orgId) {
        if (!caller.belongsTo(orgId)) {
            throw new ResourceNotFound("organisation", orgId);
        }
        return list(orgId);
    }

    public List<OfferedRubric> list(String orgId) {
        String active = adoptions.adoptedVersion(orgId).orElse(null);
        return offers.offeredTo(orgId).stream().map(o -> new OfferedRubric(o.rubricVersion(), o.title(), o.providerId(), o.packId(),
                o.packVersion(), o.offeredAt(), o.rubricVersion().equals(active) ? "ACTIVE" : "OFFERED", o.adoptable(), o.requires())).toList();
    }
}
