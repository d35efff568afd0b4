package org.smarttown.coworking.booking;

import java.util.List;

import org.smarttown.coworking.space.SpaceView;

/** One space for the asked range: free, or the reasons why not (each a problem type slug and a sentence). */
public record Availability(SpaceView space, boolean available, List<Reason> reasons) {

    public record Reason(String type, String detail) {
    }
}
