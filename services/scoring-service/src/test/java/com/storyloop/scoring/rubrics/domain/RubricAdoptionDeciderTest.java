package com.storyloop.scoring.rubrics.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Adopting rubric versions as example cards. */
class RubricAdoptionDeciderTest {

    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    static final Set<String> AVAILABLE = Set.of("1.0.0", "acme-2025.1", "acme-2025.2");

    static List<RubricAdopted> when(OrgRubric state, String version) {
        return RubricAdoptionDecider.decide(new AdoptRubric("org-1", version, AVAILABLE, "1.0.0", NOW), state);
    }

    @Test
    void givenAnOrganisationOnTheBuiltInRubric_whenItAdoptsAVariant_thenItIsItsFirstAdoption() {
        assertThat(when(OrgRubric.neverAdopted("org-1"), "acme-2025.1"))
                .containsExactly(new RubricAdopted("org-1", "acme-2025.1", null, NOW));
    }

    @Test
    void givenAnAdoptedVariant_whenTheOrganisationAdoptsANewerOne_thenThePreviousVersionIsNamed() {
        OrgRubric state = RubricAdoptionDecider.fold("org-1", List.of(new RubricAdopted("org-1", "acme-2025.1", null, NOW)));

        assertThat(when(state, "acme-2025.2")).containsExactly(new RubricAdopted("org-1", "acme-2025.2", "acme-2025.1", NOW));
    }

    @Test
    void givenAnAdoptedVariant_whenItGoesBackToTheBuiltInVersion_thenThatIsAnAdoptionToo() {
        OrgRubric state = RubricAdoptionDecider.fold("org-1", List.of(new RubricAdopted("org-1", "acme-2025.1", null, NOW)));

        assertThat(when(state, "1.0.0")).containsExactly(new RubricAdopted("org-1", "1.0.0", "acme-2025.1", NOW));
    }

    @Test
    void givenTheVersionInEffect_whenAdoptedAgain_thenNothingHappens() {
        assertThat(when(OrgRubric.neverAdopted("org-1"), "1.0.0")).isEmpty();
        OrgRubric state = RubricAdoptionDecider.fold("org-1", List.of(new RubricAdopted("org-1", "acme-2025.1", null, NOW)));
        assertThat(when(state, "acme-2025.1")).isEmpty();
    }

    @Test
    void givenAnyOrganisation_whenItAdoptsAnUnknownVersion_thenRefusedNamingTheAvailableOnes() {
        assertThatThrownBy(() -> when(OrgRubric.neverAdopted("org-1"), "nope-9")).isInstanceOf(UnknownRubricVersion.class)
                .hasMessageContaining("'nope-9'").hasMessageContaining("acme-2025.1");
    }

    @Test
    void anAdoptionHistoryFoldsToTheLastVersion() {
        OrgRubric state = RubricAdoptionDecider.fold("org-1", List.of(new RubricAdopted("org-1", "acme-2025.1", null, NOW),
                new RubricAdopted("org-1", "acme-2025.2", "acme-2025.1", NOW)));

        assertThat(state.adoptedVersion()).isEqualTo("acme-2025.2");
        assertThat(state.effectiveVersion("1.0.0")).isEqualTo("acme-2025.2");
        assertThat(OrgRubric.neverAdopted("org-2").effectiveVersion("1.0.0")).isEqualTo("1.0.0");
    }
}
