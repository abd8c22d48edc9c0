package io.hermescache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Property test over generated arguments of every keyable type ({@link KeyValues}): equal values give equal
 * keys, distinct values distinct keys, and another JVM (other time zone, locale and default charset) computes
 * the same keys.
 */
class ArgumentHashPropertyTest {

  private static final int VALUES = 10_000;
  private static final Class<?>[] OBJECT = {Object.class};

  private static String hash(Object value) {
    return ArgumentHash.of(OBJECT, new Object[] {value});
  }

  @Test
  void equalValuesGiveEqualKeysAndDistinctValuesDistinctKeys() {
    Map<Object, String> keyOfValue = new HashMap<>();
    Map<String, Object> valueOfKey = new HashMap<>();
    for (long seed = 0; seed < VALUES; seed++) {
      Object value = KeyValues.value(seed, 0);
      String key = hash(value);
      for (int variant = 1; variant <= 3; variant++) {
        assertThat(hash(KeyValues.value(seed, variant))).as("key of seed %d, variant %d", seed, variant).isEqualTo(key);
      }
      Object canonical = KeyValues.canonical(value);
      String known = keyOfValue.putIfAbsent(canonical, key);
      assertThat(known == null ? key : known).as("key of the value of seed %d, seen before", seed).isEqualTo(key);
      Object other = valueOfKey.putIfAbsent(key, canonical);
      assertThat(other == null ? canonical : other).as("value with the key of seed %d", seed).isEqualTo(canonical);
    }
    // the domain is small on purpose: many seeds give distinct values, many others equal ones
    assertThat(keyOfValue.size()).as("distinct values generated").isBetween(1_000, VALUES - 1_000);
  }

  @Test
  void anotherJvmComputesTheSameKeys() throws IOException, InterruptedException {
    int count = 2_000;
    List<String> expected = new ArrayList<>();
    for (int seed = 0; seed < count; seed++) {
      expected.add(seed + " " + hash(KeyValues.value(seed, 0)));
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process worker = new ProcessBuilder(java, "-Duser.timezone=Asia/Kathmandu", "-Duser.language=tr",
        "-Duser.country=TR", "-Dfile.encoding=ISO-8859-1", "-cp", System.getProperty("java.class.path"),
        KeyValues.class.getName(), String.valueOf(count)).redirectErrorStream(true).start();
    String output = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(worker.exitValue()).as(output).isZero();
    List<String> printed = output.lines().filter(line -> line.startsWith("RESULT "))
        .map(line -> line.substring("RESULT ".length())).toList();
    assertThat(printed).containsExactlyElementsOf(expected);
  }
}
