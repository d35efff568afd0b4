package org.smarttown.resident.risk;

import java.util.List;
import java.util.UUID;

/** A resident's risk, signal by signal, so staff can see why the score is what it is. */
public record RiskAssessment(UUID residentId, int score, Level level, List<Signal> signals, Thresholds thresholds) {

    public enum Level {
        LOW, MEDIUM, HIGH, CRITICAL
    }

    /** One contribution: which signal, how many points, and what in the data raised it. */
    public record Signal(String signal, String source, int points, String detail) {
    }

    public record Thresholds(int medium, int high, int critical) {
    }
}
