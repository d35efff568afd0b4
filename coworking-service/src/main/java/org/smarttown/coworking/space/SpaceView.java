package org.smarttown.coworking.space;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.smarttown.coworking.common.Codes;

/** A space as clients see it; {@code floorPlan} is the SVG on which x and y are placed. */
public record SpaceView(UUID id, String code, SpaceType type, String name, int capacity, List<String> equipment,
        int floor, int x, int y, String floorPlan, LocalTime opensAt, LocalTime closesAt,
        List<DayOfWeek> closedWeekdays) {

    public static SpaceView of(Space s) {
        return new SpaceView(s.id, s.code, s.type, s.name, s.capacity, Codes.decode(s.equipment), s.floor, s.x, s.y,
                "/api/coworking/floors/" + s.floor + "/plan.svg", s.opensAt, s.closesAt,
                Codes.decode(s.closedWeekdays).stream().map(DayOfWeek::valueOf).sorted().toList());
    }
}
