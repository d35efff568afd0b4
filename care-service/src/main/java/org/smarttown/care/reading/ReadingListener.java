package org.smarttown.care.reading;

import java.util.List;
import java.util.Map;

import org.smarttown.care.device.Device;

import io.smallrye.mutiny.Uni;

/** Looks at newly stored readings inside the storing transaction (detection implements it). */
public interface ReadingListener {

    Uni<Void> onStored(List<StoredReading> readings, Map<String, Device> devices);
}
