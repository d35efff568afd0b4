package org.smarttown.coworking.space;

public enum SpaceType {
    DESK, MEETING_ROOM, BOOTH
}
