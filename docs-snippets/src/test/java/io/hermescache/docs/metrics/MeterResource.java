package io.hermescache.docs.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

// jakarta-ee.md: the page that serves the registry
@Path("micrometer")
@ApplicationScoped
public class MeterResource {

  @Inject
  PrometheusMeterRegistry registry;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String scrape() {
    return registry.scrape();
  }
}
