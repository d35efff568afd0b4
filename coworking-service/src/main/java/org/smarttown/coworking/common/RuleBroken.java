package org.smarttown.coworking.common;

import org.smarttown.commons.problem.ProblemException;

/**
 * A well-formed request that a booking rule refuses (422). Each rule has its own slug, so a client
 * can tell "too far ahead" from "over your weekly quota" without reading the text.
 */
public class RuleBroken extends ProblemException {

    private final String slug;

    public RuleBroken(String slug, String title, String detail) {
        super(422, slug, title, detail);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
