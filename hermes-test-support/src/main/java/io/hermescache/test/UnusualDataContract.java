package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.Hermes;
import io.hermescache.spi.Payload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What callers and other applications may put in the way: unreadable bytes under an entry key, keys of any
 * length and character, values JSON-B cannot write.
 */
public abstract class UnusualDataContract extends AsyncContract {

  /**
   * Whatever lies under an entry key, whoever put it there, reads as a miss and is overwritten: bytes of
   * another application, a Java-serialised object (never deserialised), envelopes of formats this version
   * does not write (0, 1 of earlier versions, 3 of a later one), a real entry cut short or lengthened, and
   * a valid envelope whose body JSON-B cannot read.
   */
  @Test
  void unreadablePayloadsAreMissesAndAreOverwritten() {
    try (Hermes hermes = hermes().build()) {
      String entry = prefix + ":entry:corrupt";
      hermes.cached("corrupt", Integer.class, () -> 1234567);
      byte[] real = read(entry).bytes();
      byte[] otherFormat = real.clone();
      Map<String, byte[]> unreadable = new LinkedHashMap<>();
      unreadable.put("a plain string of another application", "hello".getBytes(StandardCharsets.UTF_8));
      unreadable.put("an empty value", new byte[0]);
      unreadable.put("a Java-serialised object", HostilePayloads.javaSerialised(new ArrayList<>(List.of("x"))));
      unreadable.put("a header cut short", new byte[] {'H', 1, 0});
      for (byte format : new byte[] {0, 1, 3}) {
        otherFormat[1] = format;
        unreadable.put("format " + format, otherFormat.clone());
      }
      unreadable.put("a real entry cut in its versions", Arrays.copyOf(real, 20));
      unreadable.put("a real entry cut in its value", Arrays.copyOf(real, real.length - 2));
      byte[] lengthened = Arrays.copyOf(real, real.length + 1);
      lengthened[real.length] = '8';
      unreadable.put("a real entry with a byte appended", lengthened);
      byte[] notJson = real.clone();
      notJson[real.length - "1234567".length()] = '}';
      unreadable.put("a body that is not JSON", notJson);
      int expected = 0;
      for (Map.Entry<String, byte[]> garbage : unreadable.entrySet()) {
        backend.set(entry, Payload.of(garbage.getValue()), Duration.ofMinutes(1));
        int value = ++expected;
        assertThat(hermes.cached("corrupt", Integer.class, () -> value)).as(garbage.getKey() + " is a miss").isEqualTo(value);
        assertThat(read(entry).bytes()).as(garbage.getKey() + " is overwritten").isNotEqualTo(garbage.getValue());
        assertThat(hermes.cached("corrupt", Integer.class, () -> -1)).as("then served").isEqualTo(value);
      }
      assertThat(hermes.stats().total().errors())
          .as("foreign or damaged bytes are quiet misses; only our own envelope whose value cannot be read counts,"
              + " since a type that can never be read back would make every call a miss")
          .isEqualTo(1);
    }
  }

  /**
   * Keys are whatever the caller passes: 10 KB long, with spaces, control characters, NUL, CR LF and emoji.
   * Each is cached under a key of its own (no two collide, none breaks the protocol) and the next call works.
   */
  @Test
  void keysOfAnyLengthAndCharacterAreCachedApart() {
    List<String> keys = List.of("a b", "a\tb", "a\u0000b", "a\r\nb", "a\r\nset x 0 0 1\r\n", "a\u007fb", "a🔑b",
        "x".repeat(10_240), "x".repeat(10_239) + "y", "{slot}", "");
    try (Hermes hermes = hermes().build()) {
      for (int i = 0; i < keys.size(); i++) {
        int value = i;
        assertThat(hermes.cached(keys.get(i), List.of(keys.get(i) + "tag"), Duration.ofMinutes(1), Integer.class, () -> value))
            .isEqualTo(value);
      }
      for (int i = 0; i < keys.size(); i++) {
        int value = i;
        assertThat(hermes.cached(keys.get(i), List.of(keys.get(i) + "tag"), Duration.ofMinutes(1), Integer.class, () -> -1))
            .as("key #%d is served its own value", value).isEqualTo(value);
      }
      hermes.clean(keys.get(2) + "tag");
      assertThat(hermes.cached(keys.get(2), List.of(keys.get(2) + "tag"), Duration.ofMinutes(1), Integer.class, () -> -2))
          .as("a tag with NUL is cleaned").isEqualTo(-2);
      assertThat(hermes.stats().total().errors()).isZero();
    }
  }

  /** A value JSON-B cannot write whose getter throws. */
  public static final class ThrowingGetter {
    public String getValue() {
      throw new IllegalStateException("not readable");
    }
  }

  /** A value that contains itself. */
  public static final class Cyclic {
    public Cyclic self = this;
  }

  /**
   * A value JSON-B cannot write (a getter that throws, an object graph with a cycle) is returned to the
   * caller, not cached, and counted as an error; nothing is stored, and the next call works.
   */
  @Test
  void valuesThatCannotBeSerialisedAreReturnedButNotCached() {
    try (Hermes hermes = hermes().build()) {
      AtomicInteger runs = new AtomicInteger();
      for (int i = 0; i < 2; i++) {
        assertThat(hermes.cached("throwing", ThrowingGetter.class, () -> {
          runs.incrementAndGet();
          return new ThrowingGetter();
        })).isNotNull();
        assertThat(hermes.cached("cyclic", Cyclic.class, () -> {
          runs.incrementAndGet();
          return new Cyclic();
        })).isNotNull();
      }
      assertThat(runs).as("computed every time: never cached").hasValue(4);
      assertThat(hermes.stats().total().errors()).isEqualTo(4);
      assertThat(read(prefix + ":entry:throwing")).isNull();
      assertThat(hermes.cached("fine", Integer.class, () -> 1)).isEqualTo(1);
      assertThat(hermes.cached("fine", Integer.class, () -> 2)).as("the next value is cached").isEqualTo(1);
    }
  }
}
