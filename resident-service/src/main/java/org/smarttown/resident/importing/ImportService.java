package org.smarttown.resident.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;
import org.smarttown.commons.problem.Invalid;
import org.smarttown.commons.problem.NotFound;
import org.smarttown.commons.problem.ProblemException;
import org.smarttown.commons.reactive.SafeContext;
import org.smarttown.resident.common.Caller;
import org.smarttown.resident.resident.BenefitType;
import org.smarttown.resident.resident.Category;
import org.smarttown.resident.resident.EmergencyContact;
import org.smarttown.resident.resident.Purpose;
import org.smarttown.resident.resident.Resident;
import org.smarttown.resident.resident.ResidentRequest;
import org.smarttown.resident.resident.ResidentService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Bulk CSV import. The file is parsed and its header checked at once (a broken file is a 400 that
 * creates nothing); rows are then registered one transaction each in the background, through the
 * same rules, events and access log as a single registration. Each row's key (name, birth date, and
 * RRN or phone) is stored on its resident, so a second import of the same file skips every row.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    /** Rows registered in one transaction; the job's progress is stored after each batch. */
    static final int BATCH = 250;
    private static final int MAX_REPORT_LINES = 1000;

    /** Emergency contacts a CSV row may carry, in columns contact1* to contact3*. */
    static final int MAX_CONTACTS = 3;

    /** Header names accepted for each field, English and Korean, compared without case and spaces. */
    private static final Map<String, String> HEADERS = new HashMap<>();

    static {
        alias("name", "name", "이름", "성명");
        alias("birthDate", "birthdate", "생년월일");
        alias("sex", "sex", "성별");
        alias("rrn", "rrn", "주민등록번호");
        alias("phone", "phone", "전화번호", "연락처", "휴대전화");
        alias("dong", "dong", "동", "행정동");
        alias("complex", "complex", "단지");
        alias("building", "building", "건물", "동번호");
        alias("unit", "unit", "호", "호수");
        alias("lat", "lat", "위도");
        alias("lon", "lon", "경도");
        alias("categories", "categories", "분류", "대상구분");
        alias("assignedCareWorker", "assignedcareworker", "담당자", "담당생활지원사");
        alias("careConsent", "careconsent", "돌봄동의");
        alias("benefitTypes", "benefittypes", "급여", "급여종류", "수급종류");
        alias("conditions", "conditions", "질환", "질병", "만성질환");
        for (int n = 1; n <= MAX_CONTACTS; n++) {
            alias("contact" + n + "Name", "contact" + n + "name", "비상연락처" + n + "이름", "비상연락처" + n + "성명");
            alias("contact" + n + "Relation", "contact" + n + "relation", "비상연락처" + n + "관계");
            alias("contact" + n + "Phone", "contact" + n + "phone", "비상연락처" + n + "전화", "비상연락처" + n + "연락처");
        }
        // The usual single guardian columns of the office's spreadsheets mean the first contact.
        alias("contact1Name", "보호자", "보호자성명", "보호자이름");
        alias("contact1Relation", "보호자관계");
        alias("contact1Phone", "보호자연락처", "보호자전화번호");
    }

    /** Benefit types as the office writes them, in English or Korean. */
    private static final Map<String, BenefitType> BENEFITS = Map.of("LIVELIHOOD", BenefitType.LIVELIHOOD, "생계",
            BenefitType.LIVELIHOOD, "MEDICAL", BenefitType.MEDICAL, "의료", BenefitType.MEDICAL, "HOUSING",
            BenefitType.HOUSING, "주거", BenefitType.HOUSING, "EDUCATION", BenefitType.EDUCATION, "교육",
            BenefitType.EDUCATION);

    private static void alias(String field, String... names) {
        for (String n : names) {
            HEADERS.put(n, field);
        }
    }

    /** One line of the report. */
    public record Problem(int line, String field, String problem) {
    }

    private final ResidentService residents;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final Vertx vertx;

    public ImportService(ResidentService residents, Validator validator, ObjectMapper mapper, Vertx vertx) {
        this.residents = residents;
        this.validator = validator;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    /** Checks the file, records the job and starts it; the job runs on after the response. */
    public Uni<ResidentImport> start(String csv, Caller caller) {
        List<CsvParser.Record> records = CsvParser.parse(csv == null ? "" : csv);
        if (records.isEmpty()) {
            throw new Invalid("file", "is empty: a header line is needed");
        }
        List<String> fields = new ArrayList<>();
        for (String header : records.get(0).fields()) {
            String field = HEADERS.get(header.strip().replace(" ", "").toLowerCase(Locale.ROOT));
            if (field == null) {
                throw new Invalid("file", "line 1: unknown column '" + header.strip() + "'");
            }
            fields.add(field);
        }
        for (String required : List.of("name", "birthDate", "sex", "dong", "complex")) {
            if (!fields.contains(required)) {
                throw new Invalid("file", "line 1: column " + required + " is missing");
            }
        }
        List<CsvParser.Record> rows = records.subList(1, records.size());
        return create(sha256(csv), rows.size(), caller).invoke(job -> runDetached(job.id, fields, rows, caller));
    }

    /** Called from this bean, where an interceptor would not apply: the transaction is explicit. */
    private Uni<ResidentImport> create(String hash, int total, Caller caller) {
        ResidentImport job = new ResidentImport();
        job.id = UUID.randomUUID();
        job.fileHash = hash;
        job.status = total == 0 ? "DONE" : "RUNNING";
        job.total = total;
        job.report = "[]";
        job.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        job.createdBy = caller.name();
        job.finishedAt = total == 0 ? job.createdAt : null;
        return Panache.withTransaction(() -> job.persist()).replaceWith(job);
    }

    @WithSession
    public Uni<ResidentImport> get(UUID id) {
        return ResidentImport.<ResidentImport> findById(id).onItem().ifNull().failWith(() -> new NotFound("Import", id));
    }

    public List<Problem> report(ResidentImport job) {
        try {
            return mapper.readValue(job.report, mapper.getTypeFactory().constructCollectionType(List.class, Problem.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable report of import " + job.id, e);
        }
    }

    /** On its own Vert.x context, so it outlives the request and never shares its session. */
    private void runDetached(UUID jobId, List<String> fields, List<CsvParser.Record> rows, Caller caller) {
        if (rows.isEmpty()) {
            return;
        }
        SafeContext.run(vertx, () -> run(jobId, fields, rows, caller)).subscribe().with(
                done -> LOG.infof("import %s finished: %d rows", jobId, rows.size()),
                failure -> {
                    LOG.errorf("import %s stopped (%s)", jobId, failure.getClass().getName());
                    stopped(jobId);
                });
    }

    /**
     * Marks a job that could not go on (the database gone, say) as FAILED and finished, so whoever
     * polls it stops waiting; {@code done} tells how far it got, and the rows after it can be
     * imported again (those before are skipped then).
     */
    private void stopped(UUID jobId) {
        SafeContext.run(vertx, () -> Panache.withTransaction(() -> ResidentImport.<ResidentImport> findById(jobId)
                .invoke(job -> {
                    job.status = "FAILED";
                    job.finishedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                })).replaceWithVoid()).subscribe().with(
                        marked -> {
                        },
                        failure -> LOG.errorf("import %s could not be marked FAILED (%s)", jobId, failure.getClass().getName()));
    }

    private Uni<Void> run(UUID jobId, List<String> fields, List<CsvParser.Record> rows, Caller caller) {
        List<List<CsvParser.Record>> batches = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += BATCH) {
            batches.add(rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
        return Multi.createFrom().iterable(batches)
                .onItem().transformToUniAndConcatenate(batch -> importBatch(fields, batch, caller)
                        .chain(outcomes -> progress(jobId, outcomes, false)))
                .collect().last()
                .chain(() -> progress(jobId, List.of(), true));
    }

    /** What became of one row: imported, skipped (imported before) or failed with problems. */
    private record Outcome(String kind, List<Problem> problems) {
    }

    /**
     * Registers a batch in one transaction. Should that transaction fail as a whole (a concurrent
     * import of the same rows, say), its rows are registered one by one instead, each in its own
     * transaction, so every row still gets its own outcome.
     */
    private Uni<List<Outcome>> importBatch(List<String> fields, List<CsvParser.Record> batch, Caller caller) {
        List<Outcome> outcomes = new ArrayList<>();
        List<ResidentService.ImportRow> valid = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (CsvParser.Record row : batch) {
            List<Problem> problems = new ArrayList<>();
            ResidentRequest request = toRequest(fields, row, problems);
            if (request != null) {
                for (ConstraintViolation<ResidentRequest> v : validator.validate(request)) {
                    problems.add(new Problem(row.line(), v.getPropertyPath().toString(), v.getMessage()));
                }
            }
            if (!problems.isEmpty() || request == null) {
                outcomes.add(new Outcome("failed", problems));
                continue;
            }
            positions.add(outcomes.size());
            outcomes.add(null);
            valid.add(new ResidentService.ImportRow(request, key(request)));
        }
        if (valid.isEmpty()) {
            return Uni.createFrom().item(outcomes);
        }
        return residents.registerImported(valid, caller)
                .map(problems -> {
                    for (int i = 0; i < problems.size(); i++) {
                        CsvParser.Record row = batch.get(positions.get(i));
                        outcomes.set(positions.get(i), problems.get(i) == null ? new Outcome("imported", List.of())
                                : outcome(row, problems.get(i)));
                    }
                    return outcomes;
                })
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("import batch of %d rows failed as a whole (%s); registering its rows one by one",
                            valid.size(), failure.getClass().getSimpleName());
                    Uni<Void> oneByOne = Uni.createFrom().voidItem();
                    for (int i = 0; i < valid.size(); i++) {
                        int position = positions.get(i);
                        ResidentService.ImportRow row = valid.get(i);
                        oneByOne = oneByOne.chain(() -> residents.register(row.request(), caller, row.key())
                                .map(r -> new Outcome("imported", List.of()))
                                .onFailure(ProblemException.class)
                                .recoverWithItem(p -> outcome(batch.get(position), (ProblemException) p))
                                .onFailure().recoverWithItem(e -> unstored(batch.get(position), e))
                                .invoke(outcome -> outcomes.set(position, outcome)).replaceWithVoid());
                    }
                    return oneByOne.replaceWith(outcomes);
                });
    }

    /** Each resident keeps its row's key, so importing the same row again finds it. */
    private static String key(ResidentRequest request) {
        return sha256(request.name().strip() + "|" + request.birthDate() + "|"
                + (request.rrn() != null ? request.rrn().replace("-", "") : String.valueOf(request.phone())));
    }

    /**
     * A row the database refused for a reason that is no rule of ours: reported, so the rest of the
     * file goes on. Only the exception's class is logged: its message may quote the row's values.
     */
    private static Outcome unstored(CsvParser.Record row, Throwable failure) {
        LOG.warnf("import row on line %d could not be stored (%s)", row.line(), failure.getClass().getName());
        return new Outcome("failed", List.of(new Problem(row.line(), "row",
                "could not be stored; register this resident alone or import the row again")));
    }

    private static Outcome outcome(CsvParser.Record row, ProblemException p) {
        if (p.toProblem().type().endsWith("already-imported")) {
            return new Outcome("skipped", List.of());
        }
        var errors = p.toProblem().errors();
        String field = errors != null && !errors.isEmpty() ? errors.get(0).field()
                : p.toProblem().type().endsWith("duplicate-rrn") ? "rrn" : "row";
        return new Outcome("failed", List.of(new Problem(row.line(), field, p.getMessage())));
    }

    private Uni<Void> progress(UUID jobId, List<Outcome> outcomes, boolean finished) {
        return Panache.withTransaction(() -> ResidentImport.<ResidentImport> findById(jobId).invoke(job -> {
            List<Problem> report = new ArrayList<>(report(job));
            for (Outcome o : outcomes) {
                job.done++;
                switch (o.kind()) {
                    case "imported" -> job.imported++;
                    case "skipped" -> job.skipped++;
                    default -> job.failed++;
                }
                for (Problem p : o.problems()) {
                    if (report.size() < MAX_REPORT_LINES) {
                        report.add(p);
                    }
                }
            }
            try {
                job.report = mapper.writeValueAsString(report);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            if (finished) {
                job.status = "DONE";
                job.finishedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            }
        })).replaceWithVoid();
    }

    private static ResidentRequest toRequest(List<String> fields, CsvParser.Record row, List<Problem> problems) {
        Map<String, String> v = new HashMap<>();
        if (row.fields().size() != fields.size()) {
            problems.add(new Problem(row.line(), "row", "has " + row.fields().size() + " fields, the header " + fields.size()));
            return null;
        }
        for (int i = 0; i < fields.size(); i++) {
            String value = row.fields().get(i).strip();
            v.put(fields.get(i), value.isEmpty() ? null : value);
        }
        LocalDate birthDate = null;
        if (v.get("birthDate") != null) {
            try {
                birthDate = LocalDate.parse(v.get("birthDate"));
            } catch (DateTimeParseException e) {
                problems.add(new Problem(row.line(), "birthDate", "must be a date like 1945-03-02"));
            }
        }
        Resident.Sex sex = null;
        if (v.get("sex") != null) {
            switch (v.get("sex").toUpperCase(Locale.ROOT)) {
                case "F", "여", "여자" -> sex = Resident.Sex.F;
                case "M", "남", "남자" -> sex = Resident.Sex.M;
                default -> problems.add(new Problem(row.line(), "sex", "must be F or M (여 or 남)"));
            }
        }
        ResidentRequest.Location location = null;
        if (v.get("lat") != null || v.get("lon") != null) {
            try {
                location = new ResidentRequest.Location(v.get("lat") == null ? null : Double.valueOf(v.get("lat")),
                        v.get("lon") == null ? null : Double.valueOf(v.get("lon")));
            } catch (NumberFormatException e) {
                problems.add(new Problem(row.line(), "location", "lat and lon must be numbers"));
            }
        }
        Set<Category> categories = new LinkedHashSet<>();
        if (v.get("categories") != null) {
            for (String c : v.get("categories").split("[;|]")) {
                if (c.isBlank()) {
                    continue;
                }
                try {
                    categories.add(Category.valueOf(c.strip()));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(row.line(), "categories", "must be among " + EnumSet.allOf(Category.class)));
                }
            }
        }
        Set<BenefitType> benefits = new LinkedHashSet<>();
        for (String b : list(v.get("benefitTypes"))) {
            BenefitType type = BENEFITS.get(b.toUpperCase(Locale.ROOT).replace("급여", ""));
            if (type == null) {
                problems.add(new Problem(row.line(), "benefitTypes",
                        "must be among " + EnumSet.allOf(BenefitType.class) + " (생계, 의료, 주거, 교육)"));
            } else {
                benefits.add(type);
            }
        }
        List<String> conditions = list(v.get("conditions"));
        List<EmergencyContact> contacts = new ArrayList<>();
        for (int n = 1; n <= MAX_CONTACTS; n++) {
            String name = v.get("contact" + n + "Name");
            String relation = v.get("contact" + n + "Relation");
            String phone = v.get("contact" + n + "Phone");
            if (name != null || relation != null || phone != null) {
                // A half-filled contact is reported by validation (emergencyContacts[i].relation ...).
                contacts.add(new EmergencyContact(name, relation, phone));
            }
        }
        Boolean consent = null;
        if (v.get("careConsent") != null) {
            switch (v.get("careConsent").toUpperCase(Locale.ROOT)) {
                case "Y", "YES", "TRUE", "예", "동의" -> consent = true;
                case "N", "NO", "FALSE", "아니오", "미동의" -> consent = false;
                default -> problems.add(new Problem(row.line(), "careConsent", "must be Y or N"));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new ResidentRequest(v.get("name"), birthDate, sex, v.get("rrn"), v.get("phone"),
                new ResidentRequest.Address(v.get("dong"), v.get("complex"), v.get("building"), v.get("unit")),
                location, categories, benefits, conditions, contacts, v.get("assignedCareWorker"), null,
                consent == null ? null : List.of(new ResidentRequest.Consent(Purpose.CARE_SERVICES, consent)));
    }

    /** The non-blank items of a cell separated by ';' or '|'. */
    private static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        return java.util.Arrays.stream(cell.split("[;|]")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
