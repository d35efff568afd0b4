package org.smarttown.care.reading;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ReadingBatch(
        @NotNull @Size(min = 1, max = ReadingBatch.MAX, message = "must hold 1 to " + ReadingBatch.MAX + " readings") List<ReadingIn> readings) {

    public static final int MAX = 1000;
}
