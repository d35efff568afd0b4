package org.smarttown.commons.db;

/** Recognises the database's refusals in a failure, which Hibernate and the reactive driver wrap in layers. */
public final class Constraints {

    private Constraints() {
    }

    /**
     * Whether the failure or one of its causes names one of {@code markers} (a constraint's name or a
     * SQLSTATE such as 23P01) in its message.
     */
    public static boolean refusedBy(Throwable failure, String... markers) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String marker : markers) {
                if (message.contains(marker)) {
                    return true;
                }
            }
        }
        return false;
    }
}
