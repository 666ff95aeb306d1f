package com.storyloop.rubric.scorecard;

public enum Severity {
    SEVERE, MAJOR, MINOR
}
