package org.smarttown.care.device;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.care.config.CareConfig;
import org.smarttown.care.profile.CareProfileService;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Conflict;
import org.smarttown.commons.problem.NotFound;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DeviceService {

    private final CareProfileService profiles;
    private final CareConfig config;

    public DeviceService(CareProfileService profiles, CareConfig config) {
        this.profiles = profiles;
        this.config = config;
    }

    @WithTransaction
    public Uni<DeviceView> register(NewDevice request) {
        return Device.<Device> findById(request.serial()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new Conflict("device-exists",
                        "A device with serial " + request.serial() + " is already registered"));
            }
            Device device = new Device();
            device.serial = request.serial();
            device.type = request.type();
            device.firmware = request.firmware();
            device.heartbeatIntervalSeconds = request.heartbeatIntervalSeconds();
            device.registeredAt = now();
            return device.<Device> persist().map(this::view);
        });
    }

    /** Installs a device for a resident in care; a device serves one resident at a time. */
    @WithTransaction
    public Uni<DeviceView> assign(String serial, UUID residentId) {
        return find(serial).chain(device -> profiles.find(residentId).chain(profile -> {
            if (!profile.isOpen()) {
                return Uni.createFrom().failure(new Conflict("profile-closed",
                        "The care profile of resident " + residentId + " is closed"));
            }
            if (residentId.equals(device.residentId)) {
                return Uni.createFrom().item(view(device));
            }
            if (device.residentId != null) {
                return Uni.createFrom().failure(new Conflict("device-assigned",
                        "Device " + serial + " is assigned to another resident; unassign it first"));
            }
            device.residentId = residentId;
            device.installedAt = now();
            // Silence is counted from installation until the device is first heard.
            if (device.lastSeenAt == null || device.silentAfter.isBefore(device.installedAt)) {
                device.silentAfter = device.installedAt.plusSeconds(device.heartbeatIntervalSeconds);
            }
            return device.<Device> persist().map(this::view);
        }));
    }

    @WithTransaction
    public Uni<DeviceView> unassign(String serial) {
        return find(serial).chain(device -> {
            device.residentId = null;
            device.installedAt = null;
            return device.<Device> persist().map(this::view);
        });
    }

    @WithSession
    public Uni<DeviceView> get(String serial) {
        return find(serial).map(this::view);
    }

    @WithSession
    public Uni<Page<DeviceView>> list(UUID residentId, DeviceType type, Device.Health health, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (residentId != null) {
            where.add("residentId = :resident");
            params.and("resident", residentId);
        }
        if (type != null) {
            where.add("type = :type");
            params.and("type", type);
        }
        if (health != null) {
            OffsetDateTime now = now();
            switch (health) {
                case NEVER_SEEN -> where.add("lastSeenAt is null");
                case SILENT -> where.add("lastSeenAt is not null and silentAfter < :now");
                case LOW_BATTERY -> where.add("lastSeenAt is not null and silentAfter >= :now and batteryPercent < :low");
                case OK -> where.add("lastSeenAt is not null and silentAfter >= :now"
                        + " and (batteryPercent is null or batteryPercent >= :low)");
            }
            if (health != Device.Health.NEVER_SEEN) {
                params.and("now", now);
            }
            if (health == Device.Health.LOW_BATTERY || health == Device.Health.OK) {
                params.and("low", config.detection().batteryLowPercent());
            }
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        return Page.of(Device.find(query, Sort.by("serial"), params), page, this::view);
    }

    private Uni<Device> find(String serial) {
        return Device.<Device> findById(serial).onItem().ifNull().failWith(() -> new NotFound("Device", serial));
    }

    private DeviceView view(Device device) {
        return DeviceView.of(device, now(), config.detection().batteryLowPercent());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
