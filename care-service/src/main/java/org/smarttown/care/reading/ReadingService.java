package org.smarttown.care.reading;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.care.device.Device;
import org.smarttown.care.reading.ReadingResult.Outcome;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Takes batches of readings: checks each on its own, stores the new ones once (the device's
 * (serial, sequence) is the key), keeps the devices' health current and hands what was stored to
 * detection, all in one transaction, so a 202 means stored and examined.
 */
@ApplicationScoped
public class ReadingService {

    /** A device clock this far ahead of ours is wrong, not early. */
    static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(5);

    private final ReadingListener listener;

    public ReadingService(ReadingListener listener) {
        this.listener = listener;
    }

    private record Candidate(int index, String serial, long sequence, ReadingType type, double value,
            OffsetDateTime measuredAt) {
    }

    /**
     * Stores and examines a batch in one transaction (joining the caller's when there is one),
     * then runs what detection asked to do after commit (the live feed).
     */
    public Uni<ReadingResult.Batch> receive(List<ReadingIn> readings) {
        List<Runnable> afterCommit = new ArrayList<>();
        return Panache.withTransaction(() -> store(readings, afterCommit))
                .invoke(() -> afterCommit.forEach(Runnable::run));
    }

    private Uni<ReadingResult.Batch> store(List<ReadingIn> readings, List<Runnable> afterCommit) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ReadingResult[] results = new ReadingResult[readings.size()];
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            ReadingIn in = readings.get(i);
            String problem = null;
            ReadingType type = null;
            OffsetDateTime measuredAt = null;
            if (in == null) {
                problem = "reading is empty";
            } else if (in.deviceSerial() == null || in.deviceSerial().isBlank()) {
                problem = "deviceSerial is required";
            } else if (in.sequence() == null || in.sequence() < 0) {
                problem = "sequence is required and must be 0 or more";
            } else if (in.type() == null) {
                problem = "type is required";
            } else {
                try {
                    type = ReadingType.valueOf(in.type());
                } catch (IllegalArgumentException e) {
                    problem = "unknown type " + in.type();
                }
            }
            if (problem == null) {
                try {
                    measuredAt = in.measuredAt() == null ? null : OffsetDateTime.parse(in.measuredAt());
                } catch (DateTimeParseException e) {
                    problem = "measuredAt must be an ISO-8601 time with offset";
                }
            }
            if (problem == null) {
                problem = checkValue(in, type, measuredAt, now);
            }
            if (problem != null) {
                results[i] = rejected(i, in, problem);
            } else {
                candidates.add(new Candidate(i, in.deviceSerial(), in.sequence(), type, in.value(), measuredAt));
            }
        }
        Set<String> serials = candidates.stream().map(Candidate::serial).collect(Collectors.toSet());
        // Read without a lock: the devices' health is written by one statement at the end of the
        // transaction (updateHealth), so concurrent batches of the same devices store and examine
        // their readings side by side and only queue for that last write.
        Uni<List<Device>> devices = serials.isEmpty() ? Uni.createFrom().item(List.of())
                : Device.<Device> list("serial in ?1", serials);
        return devices.chain(found -> {
            Map<String, Device> bySerial = found.stream().collect(Collectors.toMap(d -> d.serial, d -> d));
            List<Candidate> toStore = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (Candidate c : candidates) {
                Device device = bySerial.get(c.serial());
                String problem = null;
                if (device == null) {
                    problem = "unknown device " + c.serial();
                } else if (!device.type.canSend(c.type())) {
                    problem = "a " + device.type + " does not measure " + c.type();
                } else if (c.type().aboutResident() && device.residentId == null) {
                    problem = "device " + c.serial() + " is not assigned to a resident";
                }
                if (problem != null) {
                    results[c.index()] = new ReadingResult(c.index(), c.serial(), c.sequence(), Outcome.REJECTED, problem);
                } else if (!keys.add(c.serial() + "\u0000" + c.sequence())) {
                    results[c.index()] = new ReadingResult(c.index(), c.serial(), c.sequence(), Outcome.DUPLICATE,
                            "the same sequence appears earlier in this batch");
                } else {
                    toStore.add(c);
                }
            }
            // In key order, so that concurrent batches sharing readings wait for each other's keys
            // in one order and never deadlock.
            List<Candidate> inKeyOrder = new ArrayList<>(toStore);
            inKeyOrder.sort(Comparator.comparing(Candidate::serial).thenComparingLong(Candidate::sequence));
            return insert(inKeyOrder, bySerial).chain(inserted -> {
                List<StoredReading> stored = new ArrayList<>();
                Map<String, Health> health = new TreeMap<>();
                for (Candidate c : toStore) {
                    boolean isNew = inserted.contains(c.serial() + "\u0000" + c.sequence());
                    results[c.index()] = new ReadingResult(c.index(), c.serial(), c.sequence(),
                            isNew ? Outcome.ACCEPTED : Outcome.DUPLICATE, isNew ? null : "already stored");
                    if (isNew) {
                        Device device = bySerial.get(c.serial());
                        stored.add(new StoredReading(c.serial(), c.sequence(), device.residentId, c.type(), c.value(),
                                c.measuredAt()));
                        health.computeIfAbsent(c.serial(), k -> new Health()).add(c, now);
                    }
                }
                return (stored.isEmpty() ? Uni.createFrom().item((Runnable) () -> {
                }) : listener.onStored(stored))
                        .invoke(afterCommit::add)
                        .chain(() -> updateHealth(health))
                        .map(ignored -> ReadingResult.Batch.of(List.of(results)));
            });
        });
    }

    /** What a batch says of one device: when it was last heard, and its latest battery level. */
    private static final class Health {
        OffsetDateTime seen;
        Integer battery;
        OffsetDateTime batteryAt;

        void add(Candidate c, OffsetDateTime now) {
            // A clock a little ahead of ours must not push the device's silence deadline out.
            OffsetDateTime when = c.measuredAt().isAfter(now) ? now : c.measuredAt();
            if (seen == null || when.isAfter(seen)) {
                seen = when;
            }
            if (c.type() == ReadingType.BATTERY && (batteryAt == null || !c.measuredAt().isBefore(batteryAt))) {
                battery = (int) Math.round(c.value());
                batteryAt = c.measuredAt();
            }
        }
    }

    private static final String UPDATE_HEALTH = """
            update device d set
              last_seen_at = case when d.last_seen_at is null or v.seen > d.last_seen_at
                                  then v.seen else d.last_seen_at end,
              silent_after = case when d.last_seen_at is null or v.seen > d.last_seen_at
                                  then v.seen + d.heartbeat_interval_seconds * interval '1 second' else d.silent_after end,
              battery_percent = case when v.battery_at is not null
                                      and (d.battery_measured_at is null or v.battery_at >= d.battery_measured_at)
                                     then v.battery else d.battery_percent end,
              battery_measured_at = case when v.battery_at is not null
                                          and (d.battery_measured_at is null or v.battery_at >= d.battery_measured_at)
                                         then v.battery_at else d.battery_measured_at end,
              version = d.version + 1
            from unnest(cast(?1 as varchar[]), cast(cast(?2 as text[]) as timestamptz[]), cast(?3 as integer[]),
                        cast(cast(?4 as text[]) as timestamptz[])) as v(serial, seen, battery, battery_at)
            where d.serial = v.serial""";

    /**
     * Moves each device's last-seen time (never backwards, with its silence deadline) and battery
     * level forward in one statement (the devices as four arrays, times as text as in insert),
     * after locking the rows in serial order so that two batches never deadlock on two devices. The
     * version moves too, so that a concurrent edit of the device through its entity fails on it
     * instead of overwriting this.
     */
    private static Uni<Void> updateHealth(Map<String, Health> health) {
        if (health.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> serials = List.copyOf(health.keySet());
        int n = serials.size();
        String[] seen = new String[n];
        Integer[] battery = new Integer[n];
        String[] batteryAt = new String[n];
        for (int i = 0; i < n; i++) {
            Health h = health.get(serials.get(i));
            seen[i] = iso(h.seen);
            battery[i] = h.battery;
            batteryAt[i] = iso(h.batteryAt);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select serial from device where serial in (?1) order by serial for update", String.class)
                .setParameter(1, serials).getResultList()
                .chain(() -> session.createNativeQuery(UPDATE_HEALTH)
                        .setParameter(1, serials.toArray(String[]::new))
                        .setParameter(2, seen)
                        .setParameter(3, battery)
                        .setParameter(4, batteryAt)
                        .executeUpdate()))
                .replaceWithVoid();
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null : time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String checkValue(ReadingIn in, ReadingType type, OffsetDateTime measuredAt, OffsetDateTime now) {
        if (measuredAt == null) {
            return "measuredAt is required";
        }
        if (measuredAt.isAfter(now.plus(MAX_CLOCK_AHEAD))) {
            return "measuredAt is in the future (device clock ahead?)";
        }
        if (in.value() == null || in.value().isNaN() || in.value().isInfinite()) {
            return "value is required";
        }
        if (in.value() < type.min || in.value() > type.max) {
            return "value " + in.value() + " is impossible for " + type + " (possible: " + fmt(type.min) + " to "
                    + fmt(type.max) + ")";
        }
        if (type.unit != null && in.unit() != null && !type.unit.equals(in.unit())) {
            return "unit " + in.unit() + " is not " + type.unit + " for " + type;
        }
        return null;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static ReadingResult rejected(int index, ReadingIn in, String reason) {
        return new ReadingResult(index, in == null ? null : in.deviceSerial(), in == null ? null : in.sequence(),
                Outcome.REJECTED, reason);
    }

    /**
     * The whole batch as one insert of six arrays (one parameter per column, whatever the batch's
     * size), so that the statement is one prepared plan and the driver sends six values instead of
     * 6,000. unnest yields the rows in array order (key order, see above); rows already stored are
     * skipped by the key and not returned. Times travel as ISO-8601 text: Hibernate Reactive hands
     * the driver an OffsetDateTime[] as Instant[], which the PostgreSQL client cannot encode.
     *
     * <p>
     * {@code 1 in (?7)}, bound to the one-element list [1], is true for every row. It is there for
     * Hibernate Reactive 3.2, which would cache a never-reused plan for every batch (this insert
     * returns rows; see {@link org.smarttown.commons.db}) but keeps a query with a list parameter
     * out of that cache, and a list of constant length keeps the SQL text, and so the
     * prepared statement, the same for every batch. The returning clause stays the one exact answer
     * to which rows this transaction stored, concurrent batches included.
     */
    private static final String INSERT_READINGS = """
            insert into reading (device_serial, sequence, resident_id, type, value, measured_at)
            select * from unnest(cast(?1 as varchar[]), cast(?2 as bigint[]), cast(?3 as uuid[]),
                                 cast(?4 as varchar[]), cast(?5 as float8[]), cast(cast(?6 as text[]) as timestamptz[]))
                 as v(device_serial, sequence, resident_id, type, value, measured_at)
            where 1 in (?7)
            on conflict (device_serial, sequence) do nothing
            returning device_serial, sequence""";

    private Uni<Set<String>> insert(List<Candidate> rows, Map<String, Device> devices) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = rows.size();
        String[] serials = new String[n];
        Long[] sequences = new Long[n];
        UUID[] residents = new UUID[n];
        String[] types = new String[n];
        Double[] values = new Double[n];
        String[] measuredAt = new String[n];
        for (int i = 0; i < n; i++) {
            Candidate c = rows.get(i);
            serials[i] = c.serial();
            sequences[i] = c.sequence();
            residents[i] = devices.get(c.serial()).residentId;
            types[i] = c.type().name();
            values[i] = c.value();
            measuredAt[i] = iso(c.measuredAt());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_READINGS, Object[].class)
                .setParameter(1, serials)
                .setParameter(2, sequences)
                .setParameter(3, residents)
                .setParameter(4, types)
                .setParameter(5, values)
                .setParameter(6, measuredAt)
                .setParameter(7, List.of(1))
                .getResultList())
                .map(inserted -> {
                    Set<String> keys = new HashSet<>();
                    for (Object[] row : inserted) {
                        keys.add(row[0] + "\u0000" + ((Number) row[1]).longValue());
                    }
                    return keys;
                });
    }
}
