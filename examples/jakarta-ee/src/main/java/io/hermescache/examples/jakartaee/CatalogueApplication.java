package io.hermescache.examples.jakartaee;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the JAX-RS resources of this WAR under {@code /api}. */
@ApplicationPath("api")
public class CatalogueApplication extends Application {}
