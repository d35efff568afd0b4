package org.smarttown.mentoring.common;

import org.smarttown.commons.problem.ProblemException;

/** 403 for a partner token that lacks the scope an operation needs; the detail names the scope. */
public class MissingScope extends ProblemException {

    public MissingScope(String scope) {
        super(403, "insufficient-scope", "Insufficient scope", "This operation needs the scope " + scope
                + "; request it from the token endpoint (scope=" + scope + ")");
    }
}
