package io.hermescache.docs.jakartaee;

import io.hermescache.Hermes;
import io.hermescache.HermesStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("cache")
@ApplicationScoped
public class CacheResource {

  @Inject Hermes hermes;

  @GET @Path("stats") @Produces(MediaType.APPLICATION_JSON)
  public HermesStats stats() { return hermes.stats(); }

  @DELETE @Path("tags/{tag}")
  public void clean(@PathParam("tag") String tag) { hermes.clean(tag); }
}
