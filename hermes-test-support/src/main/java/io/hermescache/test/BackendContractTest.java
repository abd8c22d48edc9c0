package io.hermescache.test;

import io.hermescache.Hermes;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * What every backend promises, checked against a real one: each backend module extends this class and
 * implements {@link #createBackend()}. The tests come in one topic a class, each extending the one before so
 * that JUnit runs them all once per backend:
 * <ol>
 *   <li>{@link BackendSpiContract}: the SPI called directly;
 *   <li>{@link CachingContract}: a {@link Hermes} on the backend, with tags, {@code clean()} and expiry;
 *   <li>{@link ConcurrencyContract}: invalidations racing computations, one computation per cold key, dead
 *       lock holders;
 *   <li>{@link AsyncContract}: {@code cachedAsync};
 *   <li>{@link UnusualDataContract}: foreign bytes, odd keys, values that cannot be written;
 *   <li>{@link BackendFailureContract}: a backend that fails.
 * </ol>
 * {@link BackendFixture} gives each test its backend, its key prefix and {@link #hermes()}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class BackendContractTest extends BackendFailureContract {
}
