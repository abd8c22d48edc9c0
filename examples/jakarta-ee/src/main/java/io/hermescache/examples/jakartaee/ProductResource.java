package io.hermescache.examples.jakartaee;

import io.hermescache.HermesInvalidate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

@Path("products")
@ApplicationScoped
public class ProductResource {

  @Inject
  Catalogue catalogue;

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Product product(@PathParam("id") long id) {
    return Optional.ofNullable(catalogue.product(id)).orElseThrow(NotFoundException::new);
  }

  /** The same product through the asynchronous cached method; JAX-RS completes the response with it. */
  @GET
  @Path("{id}/async")
  @Produces(MediaType.APPLICATION_JSON)
  public CompletionStage<Product> productAsync(@PathParam("id") long id) {
    return catalogue.productAsync(id).thenApply(product -> Optional.ofNullable(product).orElseThrow(NotFoundException::new));
  }

  /** Saves the product, then cleans its tag, so that the next read of it is computed again. */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @HermesInvalidate(tags = "product:{id}")
  public void update(@PathParam("id") long id, Product product) {
    catalogue.save(new Product(id, product.name(), product.price()));
  }
}
