package com.storyloop.rubric.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.storyloop.rubric.RubricEngine;
import com.storyloop.rubric.StoryInput;
import com.storyloop.rubric.definition.RubricDefinition;
import com.storyloop.rubric.scorecard.FlagCode;
import com.storyloop.rubric.scorecard.Scorecard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rubric is data: a variant definition changes behaviour without code. */
class DefinitionTest {

    private static ObjectNode standardTree() throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(RubricDefinition.standard().json());
    }

    @Test
    void standardIsVersionOne() {
        assertThat(RubricEngine.standard().rubricVersion()).isEqualTo("1.0.0");
        assertThat(RubricEngine.standard().score(StoryInput.text(Stories.PASSING)).rubricVersion()).isEqualTo("1.0.0");
    }

    @Test
    void anOrganisationVariantIsJustData() throws Exception {
        ObjectNode tree = standardTree();
        tree.put("version", "1.0.0-acme");
        ((ObjectNode) tree.get("speaking")).put("wordsPerMinute", 40);
        ((ObjectNode) tree.get("speaking")).put("tooLongSeconds", 240);
        com.fasterxml.jackson.databind.node.ArrayNode hero = (com.fasterxml.jackson.databind.node.ArrayNode) tree.get("lexicons").get("hero.strong");
        hero.add("rescued the ~2 launch|project");
        RubricEngine variant = new RubricEngine(RubricDefinition.fromJson(tree.toString()));

        String text = Stories.withAction("In the end I rescued the whole launch.");
        Scorecard v1 = RubricEngine.standard().score(StoryInput.text(text));
        Scorecard acme = variant.score(StoryInput.text(text));
        assertThat(acme.rubricVersion()).isEqualTo("1.0.0-acme");
        assertThat(acme.measurements().wordsPerMinute()).isEqualTo(40);
        assertThat(v1.hasFlag(FlagCode.TOO_LONG)).isFalse();
        assertThat(acme.hasFlag(FlagCode.TOO_LONG)).isTrue();
        assertThat(v1.hasFlag(FlagCode.HERO_NARRATIVE)).isFalse();
        assertThat(acme.hasFlag(FlagCode.HERO_NARRATIVE)).isTrue();
    }

    @Test
    void brokenDefinitionsFailWhenTheEngineIsBuiltNamingTheProblem() throws Exception {
        ObjectNode missingLexicon = standardTree();
        ((ObjectNode) missingLexicon.get("lexicons")).remove("safeguard.bypass");
        assertThatThrownBy(() -> new RubricEngine(RubricDefinition.fromJson(missingLexicon.toString())))
                .hasMessageContaining("safeguard.bypass");

        ObjectNode badPattern = standardTree();
        ((com.fasterxml.jackson.databind.node.ArrayNode) badPattern.get("lexicons").get("hero.weak")).add("~2 weekends");
        assertThatThrownBy(() -> new RubricEngine(RubricDefinition.fromJson(badPattern.toString())))
                .hasMessageContaining("hero.weak").hasMessageContaining("gap");

        ObjectNode missingParam = standardTree();
        ((ObjectNode) missingParam.get("flags").get("ROYAL_WE").get("params")).remove("minWe");
        assertThatThrownBy(() -> new RubricEngine(RubricDefinition.fromJson(missingParam.toString())))
                .hasMessageContaining("minWe");

        assertThatThrownBy(() -> RubricDefinition.fromJson("{not json"))
                .hasMessageContaining("not valid JSON");
    }
}
