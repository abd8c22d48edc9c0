package io.hermescache.examples.jakartaee;

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

/** Statistics and invalidation through the application's {@link Hermes}. */
@Path("cache")
@ApplicationScoped
public class CacheResource {

  @Inject
  Hermes hermes;

  /** Hits, misses and loads per cached method, e.g. {@code io.hermescache.examples.jakartaee.Catalogue.product}. */
  @GET
  @Path("stats")
  @Produces(MediaType.APPLICATION_JSON)
  public HermesStats stats() {
    return hermes.stats();
  }

  /** Drops every entry under the tag in O(1), e.g. {@code catalogue} after a bulk price import. */
  @DELETE
  @Path("tags/{tag}")
  public void clean(@PathParam("tag") String tag) {
    hermes.clean(tag);
  }

  /** Drops every entry of this application (its {@code hermes.prefix}). */
  @DELETE
  public void cleanAll() {
    hermes.clean();
  }
}
