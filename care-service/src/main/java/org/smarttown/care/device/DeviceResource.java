package org.smarttown.care.device;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;

import io.smallrye.mutiny.Uni;

@Path("/api/care/devices")
@Tag(name = "Devices", description = "Smart bands and home sensors, their residents and their health")
public class DeviceResource {

    private final DeviceService service;

    public DeviceResource(DeviceService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Register a device (not yet installed)")
    public Uni<RestResponse<DeviceView>> register(@Valid @NotNull NewDevice device) {
        return service.register(device)
                .map(view -> RestResponse.ResponseBuilder.<DeviceView> created(
                        URI.create("/api/care/devices/" + view.serial())).entity(view).build());
    }

    @GET
    @Path("{serial}")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "One device with its health")
    public Uni<DeviceView> get(@Pattern(regexp = NewDevice.SERIAL, message = NewDevice.SERIAL_RULE) String serial) {
        return service.get(serial);
    }

    @GET
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "List devices with their health, filtered by resident, type or health")
    public Uni<Page<DeviceView>> list(@QueryParam("residentId") UUID residentId, @QueryParam("type") DeviceType type,
            @QueryParam("health") Device.Health health, @Valid @BeanParam PageRequest page) {
        return service.list(residentId, type, health, page);
    }

    @POST
    @Path("{serial}/assign")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Install a device for a resident in care")
    public Uni<DeviceView> assign(@Pattern(regexp = NewDevice.SERIAL, message = NewDevice.SERIAL_RULE) String serial, @Valid @NotNull Assignment assignment) {
        return service.assign(serial, assignment.residentId());
    }

    @POST
    @Path("{serial}/unassign")
    @RolesAllowed({ "care-worker", "care-supervisor" })
    @Operation(summary = "Take a device back from a resident")
    public Uni<DeviceView> unassign(@Pattern(regexp = NewDevice.SERIAL, message = NewDevice.SERIAL_RULE) String serial) {
        return service.unassign(serial);
    }
}
