package io.hermescache.test;

import io.hermescache.Hermes;
import io.hermescache.spi.Backend;
import io.hermescache.spi.Payload;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The backend under test and a Hermes on it, for the contract tests of {@link BackendContractTest}: a new
 * backend for each test, closed after it, and a random key prefix of its own, so that a shared server needs
 * no flushing.
 */
public abstract class BackendFixture {

  /** A new backend on the server under test; it is closed after each test. */
  protected abstract Backend createBackend();

  protected Backend backend;
  protected String prefix;

  @BeforeEach
  void openBackend() {
    backend = createBackend();
    prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  /** A Hermes on the backend under test, under this test's prefix. */
  protected Hermes.Builder hermes() {
    return Hermes.builder().backend(backend).prefix(prefix).lockTimeout(Duration.ofSeconds(5));
  }

  protected String key(String name) {
    return prefix + ":" + name;
  }

  protected Payload read(String key) {
    return backend.getAll(List.of(key)).get(0);
  }
}
