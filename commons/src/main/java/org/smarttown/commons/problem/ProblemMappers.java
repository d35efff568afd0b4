package org.smarttown.commons.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.smarttown.commons.json.SafeText;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.ForbiddenException;

/**
 * The one place where exceptions become HTTP answers. Every error leaves as RFC 9457 problem+json;
 * bad input is always a 4xx and no stack trace or internal message ever reaches the client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public RestResponse<Problem> domain(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        Problem problem = Problem.of("validation", "Invalid request", 400,
                "The request has " + errors.size() + " invalid field(s)").withErrors(errors);
        return respond(problem, uri);
    }

    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, JsonParseException.class, UnrecognizedPropertyException.class })
    public RestResponse<Problem> unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "Your role does not allow this request"), uri);
    }

    @ServerExceptionMapper({ io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class })
    public RestResponse<Problem> unauthorized(RuntimeException e, UriInfo uri) {
        Problem problem = ProblemRoutes.unauthorized();
        return RestResponse.ResponseBuilder.<Problem> create(401)
                .entity(problem.withInstance(uri.getPath()))
                .type(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, UriInfo uri) {
        // The JSON reader wraps Jackson's exception; report what was wrong with the body.
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json), uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(Problem.of(slugOf(status.getStatusCode()), status.getReasonPhrase(), status.getStatusCode(),
                detailOf(status.getStatusCode())), uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Exception e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri.getPath());
        return respond(Problem.of("internal", "Internal error", 500,
                "The request could not be completed; quote error id " + errorId + " when reporting it"), uri);
    }

    static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !(e instanceof JsonParseException)
                && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            String message;
            if (e instanceof UnrecognizedPropertyException) {
                message = "is not a known field";
            } else if (e instanceof SafeText.UnsafeTextException unsafe) {
                // The reason only: the value itself is not repeated (it may be personal data).
                message = unsafe.getOriginalMessage();
            } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()) {
                message = "must be one of " + List.of(format.getTargetType().getEnumConstants());
            } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                message = "must be " + describe(mismatch.getTargetType());
            } else {
                message = "has a value that cannot be read";
            }
            return Problem.of("validation", "Invalid request", 400, "Field '" + field + "' " + message)
                    .withErrors(List.of(new Problem.FieldError(field, message)));
        }
        return Problem.of("malformed-json", "Malformed JSON", 400, "The request body is not valid JSON");
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** Drops the method and parameter names that bean validation puts in front of the field path. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() > 0 ? field.toString() : (parameter != null ? parameter : "request");
    }

    private static String slugOf(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal" : "http-" + status;
        };
    }

    private static String detailOf(int status) {
        return switch (status) {
            case 404 -> "No resource exists at this path";
            case 405 -> "This path does not accept that method";
            case 406 -> "This resource cannot answer in the requested media type";
            case 413 -> "The request body is larger than this service accepts";
            case 415 -> "This resource does not accept that content type";
            default -> "The request could not be processed";
        };
    }

    static RestResponse<Problem> respond(Problem problem, UriInfo uri) {
        Problem withInstance = uri != null ? problem.withInstance(uri.getPath()) : problem;
        return RestResponse.ResponseBuilder.<Problem> create(problem.status())
                .entity(withInstance)
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    public static String statusSlug(int status) {
        return slugOf(status);
    }

    public static String statusDetail(int status) {
        return detailOf(status);
    }
}
