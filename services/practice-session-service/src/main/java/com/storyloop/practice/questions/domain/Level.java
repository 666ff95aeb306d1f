package com.storyloop.practice.questions.domain;

/** An Amazon job level a question can be pitched at; at L7 and above the expected scope spans several teams or an organisation. */
public enum Level {
    L4, L5, L6, L7, L8
}
