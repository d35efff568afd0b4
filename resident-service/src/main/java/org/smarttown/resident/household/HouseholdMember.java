package org.smarttown.resident.household;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A resident's membership of a household, effective from one date to another (open while current). */
@Entity
public class HouseholdMember extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID householdId;
    public UUID residentId;
    /** 세대주. At most one current head per household. */
    public boolean head;
    /** 수급권자: the one in whose name benefits are paid. At most one current per household. */
    public boolean primaryRecipient;
    public LocalDate validFrom;
    /** Exclusive end; null while the membership lasts. */
    public LocalDate validTo;

    boolean overlaps(LocalDate from, LocalDate to) {
        return (to == null || validFrom.isBefore(to)) && (validTo == null || from.isBefore(validTo));
    }
}
