package org.smarttown.care.device;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

public record Assignment(@NotNull UUID residentId) {
}
