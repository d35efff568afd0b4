package org.smarttown.commons.problem;

/**
 * Base of the domain exceptions that services throw instead of building HTTP responses; the
 * mapper in this package turns each into problem+json.
 */
public abstract class ProblemException extends RuntimeException {

    private final String slug;
    private final String title;
    private final int status;

    protected ProblemException(int status, String slug, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public Problem toProblem() {
        return Problem.of(slug, title, status, getMessage());
    }

    public int status() {
        return status;
    }
}
