package org.smarttown.coworking.common;

import org.smarttown.commons.problem.ProblemException;

/** A founder without an approved, currently valid membership may not book. */
public class NotAMember extends ProblemException {

    public NotAMember(String detail) {
        super(403, "membership-required", "Membership required", detail);
    }
}
