package org.smarttown.care.alert;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.care.device.Device;
import org.smarttown.care.reading.ReadingListener;
import org.smarttown.care.reading.StoredReading;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DetectionService implements ReadingListener {

    @Override
    public Uni<Void> onStored(List<StoredReading> readings, Map<String, Device> devices) {
        return Uni.createFrom().voidItem();
    }
}
