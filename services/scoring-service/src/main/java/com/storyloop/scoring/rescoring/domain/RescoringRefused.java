package com.storyloop.scoring.rescoring.domain;

/** A command the job's rules refuse: it would make the progress wrong. */
public final class RescoringRefused extends RuntimeException {

    public RescoringRefused(String message) {
        super(message);
    }
}
