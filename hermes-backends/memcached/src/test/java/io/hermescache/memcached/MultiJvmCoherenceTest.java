package io.hermescache.memcached;

import io.hermescache.test.MemcachedServerExtension;
import io.hermescache.test.MemcachedServers;
import io.hermescache.test.MultiJvmCoherenceContractTest;
import org.junit.jupiter.api.extension.ExtendWith;

/** The randomized multi-JVM coherence check on memcached, stamped by memcached {@code incr}. */
@ExtendWith(MemcachedServerExtension.class)
class MultiJvmCoherenceTest extends MultiJvmCoherenceContractTest {

  MultiJvmCoherenceTest(@MemcachedServers String servers) {
    super(MemcachedCounters.server(servers), CoherenceWorker.class);
  }
}
