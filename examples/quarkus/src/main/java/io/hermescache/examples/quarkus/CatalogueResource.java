package io.hermescache.examples.quarkus;

import io.hermescache.CacheStats;
import io.hermescache.Hermes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The catalogue over HTTP, and the cache itself through {@code @Inject Hermes}. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

  @Inject
  Catalogue catalogue;

  @Inject
  Hermes hermes;

  @GET
  @Path("products")
  public List<Product> all() {
    return catalogue.all();
  }

  @GET
  @Path("products/{id}")
  public Product product(@PathParam("id") long id) {
    return catalogue.find(id);
  }

  /** The update endpoint: {@code @HermesInvalidate} on {@link Catalogue#reprice} cleans the product's tags. */
  @PUT
  @Path("products/{id}/price")
  @Consumes(MediaType.TEXT_PLAIN)
  public Product reprice(@PathParam("id") long id, String price) {
    return catalogue.reprice(id, Double.parseDouble(price.trim()));
  }

  /** A value cached through the API rather than an annotation: an exchange rate, keyed and tagged by hand. */
  @GET
  @Path("rates/{currency}")
  public double rate(@PathParam("currency") String currency) {
    return hermes.cached("rate:" + currency, List.of("rates"), Duration.ofMinutes(5), Double.class,
        () -> "USD".equals(currency) ? 1.08 : 1.0);
  }

  /** Drops every catalogue entry in one write, whatever their number. */
  @POST
  @Path("cache/clean")
  public void clean() {
    hermes.clean("catalogue");
  }

  /** What the cache did for {@link Catalogue#find}, and how often the database was queried. */
  @GET
  @Path("cache/stats")
  public Map<String, Object> stats() {
    CacheStats find = hermes.stats().of(Catalogue.class.getName() + ".find");
    return Map.of("queries", catalogue.queries(), "hits", find.hits(), "misses", find.misses(),
        "hitRate", find.hitRate());
  }
}
