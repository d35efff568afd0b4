package org.smarttown.mentoring.catalog;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A mentor or consultant of one agency. */
@Entity
public class Mentor extends PanacheEntityBase {

    @Id
    public UUID id;
    public String agencyId;
    public String name;
    public String email;
    public String bio;
    /** ",ai,fintech,": lower-case tags between commas, so a filter is a LIKE on ",tag,". */
    public String expertise = ",";
    /** ",ko,en," like {@link #expertise}. */
    public String languages = ",";
    @Convert(converter = Availability.Column.class)
    public Availability availability = Availability.none();
    public boolean active = true;
    public OffsetDateTime createdAt;
    @Version
    public int version;

    public static String encodeTags(List<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return ",";
        }
        return "," + String.join(",", tags.stream().map(t -> t.trim().toLowerCase()).distinct().toList()) + ",";
    }

    public static List<String> decodeTags(String encoded) {
        return Arrays.stream(encoded.split(",")).filter(t -> !t.isBlank()).toList();
    }
}
