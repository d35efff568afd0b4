package org.smarttown.resident.resident;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** The filters and order of {@code GET /api/residents}; every filter is optional and they combine with AND. */
public class ResidentSearch {

    /** Part of the name, or of the phone number. */
    @QueryParam("q")
    @Size(max = 100)
    public String q;

    @QueryParam("dong")
    @Size(max = 50)
    public String dong;

    @QueryParam("complex")
    @Size(max = 100)
    public String complex;

    /** A {@link Category} name; checked by the service so that an unknown one is a 400, not a 404. */
    @QueryParam("category")
    @Size(max = 40)
    public String category;

    @QueryParam("status")
    @Pattern(regexp = "ACTIVE|MOVED_OUT|DECEASED", message = "must be ACTIVE, MOVED_OUT or DECEASED")
    public String status;

    /** Only residents whose risk score is at least this (0-100). */
    @QueryParam("minRisk")
    @Pattern(regexp = "\\d{1,3}", message = "must be a whole number from 0 to 100")
    public String minRisk;

    /** A field name, with a leading {@code -} for descending order. */
    @QueryParam("sort")
    @DefaultValue("name")
    @Pattern(regexp = "-?(name|birthDate|createdAt|complex|riskScore)", message = "must be name, birthDate, createdAt, complex or riskScore, optionally with a leading -")
    public String sort;
}
