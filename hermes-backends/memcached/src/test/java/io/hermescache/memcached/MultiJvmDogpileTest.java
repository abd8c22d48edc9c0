package io.hermescache.memcached;

import io.hermescache.test.MemcachedServerExtension;
import io.hermescache.test.MemcachedServers;
import io.hermescache.test.MultiJvmDogpileContractTest;
import org.junit.jupiter.api.extension.ExtendWith;

/** Dogpile protection across processes on memcached, where the lock is memcached {@code add}. */
@ExtendWith(MemcachedServerExtension.class)
class MultiJvmDogpileTest extends MultiJvmDogpileContractTest {

  MultiJvmDogpileTest(@MemcachedServers String servers) {
    super(MemcachedCounters.server(servers), DogpileWorker.class);
  }
}
