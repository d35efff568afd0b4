package org.smarttown.commons.problem;

/** The caller is signed in but may not act on this object (someone else's booking, another agency's mentor). */
public class Forbidden extends ProblemException {

    public Forbidden(String detail) {
        super(403, "forbidden", "Forbidden", detail);
    }
}
