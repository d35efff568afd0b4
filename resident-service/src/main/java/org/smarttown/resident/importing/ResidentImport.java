package org.smarttown.resident.importing;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A CSV import job: its progress and its row-by-row report. */
@Entity
public class ResidentImport extends PanacheEntityBase {

    @Id
    public UUID id;
    public String fileHash;
    /** RUNNING, then DONE. */
    public String status;
    public int total;
    public int done;
    public int imported;
    public int skipped;
    public int failed;
    /** JSON list of {line, field, problem}. */
    public String report;
    public OffsetDateTime createdAt;
    public String createdBy;
    public OffsetDateTime finishedAt;
    @Version
    public int version;
}
