package com.storyloop.console.clients.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.storyloop.console.web.Principles;

/**
 * A coverage finding as a coach reads it. The code stays visible (it is what the docs and exports use); the sentence
 * names principles and stories instead of ids. {@code storyId} links to the story when the finding is about one.
 */
public record Finding(String code, String sentence, String storyId, boolean good) {

    public static List<Finding> describe(List<?> codes, Map<String, String> storyTitles) {
        List<Finding> findings = new ArrayList<>();
        for (Object code : codes) {
            findings.add(describe(String.valueOf(code), storyTitles));
        }
        return findings;
    }

    public static Finding describe(String code, Map<String, String> storyTitles) {
        int colon = code.indexOf(':');
        String kind = colon < 0 ? code : code.substring(0, colon);
        String argument = colon < 0 ? null : code.substring(colon + 1);
        String story = argument == null ? null : "\u201c" + storyTitles.getOrDefault(argument, argument) + "\u201d";
        switch (kind) {
            case "COVERAGE_COMPLETE":
                return new Finding(code, "Every principle is demonstrated by a PASS story.", null, true);
            case "MISSING_LP":
                return new Finding(code, "No story covers " + Principles.name(argument) + " yet.", null, false);
            case "ILLUSORY_COVERAGE":
                return new Finding(code, Principles.name(argument) + " is claimed, but no PASS story demonstrates it.", null, false);
            case "NO_FRUGALITY_STORY":
                return new Finding(code, "There is no Frugality story: doing more with less comes up in most loops.", null, false);
            case "OVERSTRETCHED":
                return new Finding(code, story + " claims more than 4 principles; a story proves one or two well.", argument, false);
            case "WEAK_STORIES":
                return new Finding(code, argument + " active " + ("1".equals(argument) ? "story is" : "stories are") + " at FAIL.", null, false);
            case "STORY_COUNT_OFF_TARGET":
                return new Finding(code, "The bank should hold 8 to 12 active stories.", null, false);
            case "DUPLICATE_STORY":
                return new Finding(code, "Some stories are near-duplicates or come from the same project" + (story == null ? "." : ": " + story + "."),
                        argument, false);
            case "NO_DEEP_DIVE":
                return new Finding(code, story + " has no deep-dive appendix (raw data, exact metrics, technical details).", argument, false);
            default:
                return new Finding(code, code, null, false);
        }
    }
}
