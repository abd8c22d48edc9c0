package io.hermescache.docs.jakartaee;

import io.hermescache.HermesInvalidate;
import io.hermescache.docs.model.Product;
import io.hermescache.docs.model.ProductRepository;
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

@Path("products")
@ApplicationScoped
public class ProductResource {

  @Inject Catalogue catalogue;
  @Inject ProductRepository repository;

  @GET @Path("{id}") @Produces(MediaType.APPLICATION_JSON)
  public Product product(@PathParam("id") long id) {
    return Optional.ofNullable(catalogue.product(id)).orElseThrow(NotFoundException::new);
  }

  @PUT @Path("{id}") @Consumes(MediaType.APPLICATION_JSON)
  @HermesInvalidate(tags = "product:{id}")          // a JAX-RS resource method can carry it too
  public void update(@PathParam("id") long id, Product product) {
    repository.save(new Product(id, product.name(), product.price()));
  }
}
