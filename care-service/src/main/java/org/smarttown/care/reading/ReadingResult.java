package org.smarttown.care.reading;

import java.util.List;

/** What became of each reading of a batch, in the batch's order. */
public record ReadingResult(int index, String deviceSerial, Long sequence, Outcome outcome, String reason) {

    public enum Outcome {
        ACCEPTED, DUPLICATE, REJECTED
    }

    public record Batch(int accepted, int duplicates, int rejected, List<ReadingResult> results) {

        static Batch of(List<ReadingResult> results) {
            return new Batch(count(results, Outcome.ACCEPTED), count(results, Outcome.DUPLICATE),
                    count(results, Outcome.REJECTED), results);
        }

        private static int count(List<ReadingResult> results, Outcome outcome) {
            return (int) results.stream().filter(r -> r.outcome() == outcome).count();
        }
    }
}
