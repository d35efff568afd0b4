package org.smarttown.bench.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One JSON endpoint: what "first request" means for the baseline. */
@Path("/hello")
public class HelloResource {

    public record Greeting(String message) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Greeting hello() {
        return new Greeting("hello");
    }
}
