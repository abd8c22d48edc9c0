package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.spi.Backend;
import io.hermescache.spi.Payload;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SPI, called directly: what every {@link io.hermescache.spi.Backend} stores, expires and locks. */
public abstract class BackendSpiContract extends BackendFixture {

  /** DESIGN.md, "Modules": a backend knows the core's SPI, never CDI. */
  @Test
  void theBackendKnowsNoCdi() {
    String backendPackage = backend.getClass().getPackageName();
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("jakarta.enterprise..", "jakarta.interceptor..", "io.hermescache.cdi..")
        .because("backends depend on hermes-core only")
        .check(new com.tngtech.archunit.core.importer.ClassFileImporter()
            .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(backendPackage));
  }

  @Test
  void setGetDelete() {
    backend.set(key("a"), Payload.of("one"), Duration.ofMinutes(1));
    assertThat(read(key("a"))).isEqualTo(Payload.of("one"));
    backend.set(key("a"), Payload.of("two"), Duration.ofMinutes(1));
    assertThat(read(key("a")).text()).isEqualTo("two");
    backend.delete(key("a"), key("never-set"));
    assertThat(read(key("a"))).isNull();
  }

  @Test
  void getAllKeepsOrderWithNullForAbsentKeys() {
    backend.set(key("x"), Payload.of("X"), Duration.ofMinutes(1));
    backend.set(key("z"), Payload.of("Z"), Duration.ZERO);
    List<Payload> values = backend.getAll(List.of(key("z"), key("missing"), key("x")));
    assertThat(values).containsExactly(Payload.of("Z"), null, Payload.of("X"));
  }

  @Test
  void entriesExpireAfterTheirTtl() throws InterruptedException {
    // 2 s, not 1: memcached's clock ticks in whole seconds, so an expiry of n seconds lives n - 1 to n s
    backend.set(key("short"), Payload.of("s"), Duration.ofSeconds(2));
    backend.set(key("long"), Payload.of("l"), Duration.ofMinutes(1));
    backend.set(key("forever"), Payload.of("f"), Duration.ZERO);
    assertThat(read(key("short"))).isNotNull();
    Thread.sleep(3100);
    assertThat(backend.getAll(List.of(key("short"), key("long"), key("forever"))))
        .containsExactly(null, Payload.of("l"), Payload.of("f"));
  }

  @Test
  void addStoresOnlyWhenAbsent() {
    assertThat(backend.add(key("once"), Payload.of("first"), Duration.ofMinutes(1))).isTrue();
    assertThat(backend.add(key("once"), Payload.of("second"), Duration.ofMinutes(1))).isFalse();
    assertThat(read(key("once")).text()).isEqualTo("first");
  }

  @Test
  void binaryAndLargeValuesRoundTrip() {
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    byte[] large = new byte[1_000_000];
    new Random(42).nextBytes(large);
    backend.set(key("binary"), Payload.of(everyByte), Duration.ofMinutes(1));
    backend.set(key("large"), Payload.of(large), Duration.ofMinutes(1));
    assertThat(read(key("binary")).bytes()).isEqualTo(everyByte);
    assertThat(read(key("large")).bytes()).isEqualTo(large);
  }

  @Test
  void unicodeKeys() {
    String unicode = key("Ünïcødé-键-🔑");
    backend.set(unicode, Payload.of("u"), Duration.ofMinutes(1));
    assertThat(read(unicode).text()).isEqualTo("u");
    assertThat(read(key("Unicode-键-🔑"))).isNull();
  }

  @Test
  void lockIsExclusiveAndFreedOnlyByItsHolder() {
    String lock = key("lock");
    assertThat(backend.tryLock(lock, "holder", Duration.ofMinutes(1))).isTrue();
    assertThat(backend.tryLock(lock, "other", Duration.ofMinutes(1))).isFalse();
    backend.unlock(lock, "other");
    assertThat(backend.tryLock(lock, "other", Duration.ofMinutes(1))).as("a stranger cannot unlock").isFalse();
    backend.unlock(lock, "holder");
    assertThat(backend.tryLock(lock, "other", Duration.ofMinutes(1))).isTrue();
  }

  @Test
  void lockFreesItselfAfterItsLease() throws InterruptedException {
    String lock = key("leased");
    assertThat(backend.tryLock(lock, "dead-holder", Duration.ofSeconds(1))).isTrue();
    Thread.sleep(2100);
    assertThat(backend.tryLock(lock, "next", Duration.ofMinutes(1))).isTrue();
  }

  @Test
  void setIfLockedStoresOnlyForTheHolder() {
    String lock = key("guard");
    backend.tryLock(lock, "me", Duration.ofMinutes(1));
    assertThat(backend.setIfLocked(lock, "someone-else", key("v"), Payload.of("theirs"), Duration.ofMinutes(1))).isFalse();
    assertThat(read(key("v"))).isNull();
    assertThat(backend.setIfLocked(lock, "me", key("v"), Payload.of("mine"), Duration.ofMinutes(1))).isTrue();
    assertThat(read(key("v")).text()).isEqualTo("mine");
    backend.delete(lock);
    assertThat(backend.setIfLocked(lock, "me", key("v"), Payload.of("late"), Duration.ofMinutes(1))).isFalse();
    assertThat(read(key("v")).text()).isEqualTo("mine");
  }
}
