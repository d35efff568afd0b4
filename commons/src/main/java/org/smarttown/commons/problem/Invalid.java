package org.smarttown.commons.problem;

import java.util.List;

/** Input that passed bean validation but breaks a rule only the service can check. */
public class Invalid extends ProblemException {

    private final List<Problem.FieldError> errors;

    public Invalid(String field, String message) {
        super(400, "validation", "Invalid request", message);
        this.errors = List.of(new Problem.FieldError(field, message));
    }

    @Override
    public Problem toProblem() {
        return super.toProblem().withErrors(errors);
    }
}
