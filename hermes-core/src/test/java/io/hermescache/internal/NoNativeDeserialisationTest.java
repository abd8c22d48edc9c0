package io.hermescache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No code of the project deserialises with Java's native serialisation without an allow-list, the classic
 * remote code execution vector of caches: a payload under a key is only ever read by the configured
 * serialiser (JSON-B by default; the opt-in {@link JavaSerialiser} filters every stream it opens). The
 * contract kit checks at run time that a Java-serialised payload is a plain miss on every backend.
 */
class NoNativeDeserialisationTest {

  @Test
  void noMainSourceOfAnyModuleReadsAnObjectStreamWithoutAFilter() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    assertThat(root.resolve("hermes-core/pom.xml")).as("run from hermes-core, inside the reactor").exists();
    List<Path> offenders;
    try (Stream<Path> files = Files.walk(root)) {
      offenders = files.filter(file -> file.toString().endsWith(".java"))
          .filter(file -> file.toString().contains("/src/main/"))
          .filter(file -> !file.toString().contains("/target/"))
          .filter(NoNativeDeserialisationTest::deserialisesNatively).toList();
    }
    assertThat(offenders).isEmpty();
  }

  private static boolean deserialisesNatively(Path source) {
    try {
      String text = Files.readString(source);
      boolean unfiltered = text.contains("new ObjectInputStream") && !text.contains("setObjectInputFilter");
      return unfiltered || text.contains("SerializingTranscoder") || text.contains("XMLDecoder");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
