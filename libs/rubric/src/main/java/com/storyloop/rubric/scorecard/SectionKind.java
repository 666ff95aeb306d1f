package com.storyloop.rubric.scorecard;

/**
 * A part of the story. OTHER is text outside any recognised STAR heading (spoken, counted);
 * APPENDIX is the deep-dive appendix (not spoken, not scored).
 */
public enum SectionKind {
    SITUATION, TASK, ACTION, RESULT, OTHER, APPENDIX;

    public boolean isStar() {
        return this == SITUATION || this == TASK || this == ACTION || this == RESULT;
    }

    public boolean isSpoken() {
        return this != APPENDIX;
    }
}
