package io.hermescache.examples.helidon;

import io.helidon.microprofile.testing.junit5.HelidonTest;

/** The service on the backend of its own configuration: in-process. */
@HelidonTest
class CatalogueTest extends CatalogueTests {}
