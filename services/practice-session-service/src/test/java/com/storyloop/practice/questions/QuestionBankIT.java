package com.storyloop.practice.questions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.storyloop.practice.support.PracticeServiceIT;
import com.storyloop.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in question bank through GET /api/questions: counts per principle, probes, L7 variants, filters and paging. */
class QuestionBankIT extends PracticeServiceIT {

    /** The built-in bank is shared content: any member reads it, here a client. */
    @BeforeEach
    void signInAsAClient() {
        token = TestTokens.client("org-it", "client-" + java.util.UUID.randomUUID());
    }

    static final List<String> PRINCIPLES = List.of("CUSTOMER_OBSESSION", "OWNERSHIP", "INVENT_AND_SIMPLIFY", "ARE_RIGHT_A_LOT",
            "LEARN_AND_BE_CURIOUS", "HIRE_AND_DEVELOP", "HIGHEST_STANDARDS", "THINK_BIG", "BIAS_FOR_ACTION", "FRUGALITY", "EARN_TRUST",
            "DIVE_DEEP", "BACKBONE", "DELIVER_RESULTS", "EARTHS_BEST_EMPLOYER", "BROAD_RESPONSIBILITY");

    List<JsonNode> all(String query) {
        List<JsonNode> items = new ArrayList<>();
        int page = 0;
        while (true) {
            JsonNode body = get("/api/questions?size=100&page=" + page + query).assertStatus(200).json();
            body.get("items").values().forEach(items::add);
            if (++page >= body.get("totalPages").asInt()) {
                return items;
            }
        }
    }

    @Test
    void everyPrincipleHasAtLeastSixBuiltInQuestionsEachWithThreeProbes() {
        List<JsonNode> builtIn = all("&source=built-in");
        List<JsonNode> anyLevel = builtIn.stream().filter(q -> q.get("level").isNull()).toList();
        assertThat(anyLevel).hasSizeGreaterThanOrEqualTo(96);

        Map<String, Integer> perPrinciple = new TreeMap<>();
        anyLevel.forEach(q -> perPrinciple.merge(q.get("principle").asString(), 1, Integer::sum));
        assertThat(perPrinciple.keySet()).containsExactlyInAnyOrderElementsOf(PRINCIPLES);
        assertThat(perPrinciple.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(6));

        assertThat(builtIn).allSatisfy(q -> {
            assertThat(q.get("probes").size()).as(q.get("questionId").asString()).isGreaterThanOrEqualTo(3);
            assertThat(q.get("text").asString()).isNotBlank();
            assertThat(q.get("source").asString()).isEqualTo("built-in");
        });
        Set<String> ids = new HashSet<>();
        builtIn.forEach(q -> assertThat(ids.add(q.get("questionId").asString())).as("unique id").isTrue());
    }

    @Test
    void l7VariantsAskForOrganisationScopeAndNameTheQuestionTheyVary() {
        List<JsonNode> l7 = all("&level=L7&source=built-in").stream().filter(q -> "L7".equals(q.get("level").asString(null))).toList();

        assertThat(l7).hasSizeGreaterThanOrEqualTo(16);
        assertThat(l7).allSatisfy(q -> assertThat(q.get("variantOf").asString()).isNotBlank());
        assertThat(l7.stream().map(q -> q.get("principle").asString()).distinct()).hasSize(16);
        // an L6 candidate is not offered the L7 variants
        assertThat(all("&level=L6")).noneMatch(q -> "L7".equals(q.get("level").asString(null)));
    }

    @Test
    void filtersByPrincipleAndPagesInAStableOrder() {
        JsonNode first = get("/api/questions?principle=FRUGALITY&page=0&size=4").assertStatus(200).json();
        JsonNode second = get("/api/questions?principle=FRUGALITY&page=1&size=4").assertStatus(200).json();

        assertThat(first.get("items").size()).isEqualTo(4);
        assertThat(first.get("totalItems").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(first.get("totalPages").asInt()).isEqualTo((first.get("totalItems").asInt() + 3) / 4);
        assertThat(first.get("items").values()).allSatisfy(q -> assertThat(q.get("principle").asString()).isEqualTo("FRUGALITY"));
        assertThat(second.get("items").values()).extracting(q -> q.get("questionId").asString())
                .doesNotContainAnyElementsOf(first.get("items").values().stream().map(q -> q.get("questionId").asString()).toList());
        assertThat(get("/api/questions?principle=FRUGALITY&page=50&size=4").assertStatus(200).json().get("items").size()).isZero();
        assertThat(get("/api/questions?source=no-such-provider").assertStatus(200).json().get("totalItems").asInt()).isZero();
    }

    @Test
    void badFiltersAreProblemDetailsNamingEachField() {
        get("/api/questions?principle=PATIENCE&level=L9&size=1000").assertProblem(400, "principle").assertProblem(400, "level")
                .assertProblem(400, "size");
    }
}
