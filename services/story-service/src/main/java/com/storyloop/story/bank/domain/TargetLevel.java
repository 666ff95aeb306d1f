package com.storyloop.story.bank.domain;

/** The level a client interviews for; L7 and above expect multi-team, organisation-wide scope. */
public enum TargetLevel {
    L4, L5, L6, L7, L8
}
