package org.smarttown.resident.resident;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A resident in the programme's care. */
@Entity
public class Resident extends PanacheEntityBase {

    public enum Sex {
        F, M
    }

    /** MERGED: found to be a duplicate and merged into {@link #mergedInto}; its history stays readable. */
    public enum Status {
        ACTIVE, MOVED_OUT, DECEASED, MERGED
    }

    @Id
    public UUID id;
    public String name;
    public LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    public Sex sex;
    public String phone;
    /** The phone's digits only: how suspected duplicates are found. */
    public String phoneDigits;
    /** The key of the CSV row this resident was imported from: a second import of it is skipped. */
    public String importKey;
    /** Set when this record was merged into another as a duplicate. */
    public UUID mergedInto;
    public String dong;
    public String complex;
    public String building;
    public String unit;
    public Double lat;
    public Double lon;
    /** ",ELDERLY,LIVING_ALONE,": a category filter is then a LIKE on ",CODE,". */
    public String categoryCodes = ",";
    /** Same layout as {@link #categoryCodes}; only with BASIC_LIVELIHOOD. */
    public String benefitTypes = ",";
    /** Only with CHRONIC_ILLNESS. */
    @Convert(converter = Converters.Strings.class)
    public List<String> conditions = List.of();
    @Convert(converter = Converters.Contacts.class)
    public List<EmergencyContact> emergencyContacts = List.of();
    @Convert(converter = Converters.Consents.class)
    public List<ConsentState> consents = List.of();
    /** User name of the care worker who looks after the resident. */
    public String assignedCareWorker;
    /** The resident's reference in 행복e음, the national social-security information system. */
    public String haengbokeumId;
    /** AES-GCM ciphertext of the registration number, {@code <key id>:<Base64>}; see RrnProtector. */
    public String rrnCipher;
    /** The key {@link #rrnCipher} is encrypted with, so a rotation can find what to re-encrypt. */
    public String rrnKeyId;
    /** HMAC-SHA256 of the number: finds duplicates without decrypting. */
    public String rrnHash;
    /** {@code 450302-2******}: all that responses ever show. */
    public String rrnMasked;
    /** Whether the resident consented to care services; kept beside {@link #consents} for queries. */
    public boolean careConsent;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** 0-100, kept current by RiskService whenever an input changes. */
    public int riskScore;
    /** LOW, MEDIUM, HIGH or CRITICAL. */
    public String riskLevel = "LOW";
    @Column(updatable = false)
    public OffsetDateTime createdAt;
    @Column(updatable = false)
    public String createdBy;
    public OffsetDateTime updatedAt;
    public String updatedBy;
    @Version
    public int version;

    public void phone(String value) {
        phone = value;
        phoneDigits = value == null ? null : value.replaceAll("[^0-9]", "");
    }

    public Set<Category> categories() {
        return decode(categoryCodes, Category.class, Category::valueOf);
    }

    public void categories(Collection<Category> values) {
        categoryCodes = encode(values);
    }

    public Set<BenefitType> benefitTypes() {
        return decode(benefitTypes, BenefitType.class, BenefitType::valueOf);
    }

    public void benefitTypes(Collection<BenefitType> values) {
        benefitTypes = encode(values);
    }

    public boolean consentsTo(Purpose purpose) {
        return consents.stream().anyMatch(c -> c.purpose() == purpose && c.given());
    }

    static String encode(Collection<? extends Enum<?>> values) {
        return values == null || values.isEmpty() ? ","
                : values.stream().map(Enum::name).sorted().collect(Collectors.joining(",", ",", ","));
    }

    private static <E extends Enum<E>> Set<E> decode(String codes, Class<E> type, Function<String, E> parse) {
        EnumSet<E> set = EnumSet.noneOf(type);
        Arrays.stream(codes == null ? new String[0] : codes.split(",")).filter(s -> !s.isBlank()).map(parse)
                .forEach(set::add);
        return set;
    }
}
