package org.smarttown.commons.problem;

/** The request is valid but clashes with the current state (a duplicate, a taken slot, a closed record). */
public class Conflict extends ProblemException {

    public Conflict(String slug, String detail) {
        super(409, slug, "Conflict", detail);
    }
}
