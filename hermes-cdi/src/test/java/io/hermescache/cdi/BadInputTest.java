package io.hermescache.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.Hermes;
import io.hermescache.HermesCached;
import io.hermescache.HermesException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Arguments a cache key was not made for, through the interceptor: 10 KB strings, every kind of character,
 * nulls, a structure that contains itself, a value JSON-B cannot write. Each is cached apart, or fails
 * clearly, or is computed without the cache; none disturbs the next call. (A key template renders a null
 * argument as {@code null}, like the string "null": a template is the user's key, and that is documented.)
 */
@EnableWeld
class BadInputTest {

  @WeldSetup
  WeldInitiator weld = WeldInitiator.from(Containers.weld(Echo.class)).build();

  @Inject
  Echo echo;

  @Inject
  Hermes hermes;

  @BeforeAll
  static void defaultConfiguration() {
    TestConfig.useDefaults();
  }

  @ApplicationScoped
  static class Echo {
    private final AtomicInteger runs = new AtomicInteger();

    int runs() {
      return runs.get();
    }

    @HermesCached
    public String hashed(String text) {
      runs.incrementAndGet();
      return text;
    }

    @HermesCached(key = "echo:{text}")
    public String templated(String text) {
      runs.incrementAndGet();
      return text;
    }

    @HermesCached
    public int size(List<Object> items) {
      runs.incrementAndGet();
      return items.size();
    }

    @HermesCached
    public Unwritable unwritable(String name) {
      runs.incrementAndGet();
      return new Unwritable();
    }
  }

  /** A value JSON-B cannot write: its getter throws. */
  public static class Unwritable {
    public String getName() {
      throw new IllegalStateException("not readable");
    }

    public void setName(String name) {}
  }

  @Test
  void hugeAndStrangeArgumentsAreCachedApartThroughHashAndTemplate() {
    List<String> texts = new ArrayList<>(List.of("a b", "a\tb", "a\u0000b", "a\r\nb", "a🔑b", "{text}",
        "x".repeat(10_240), "x".repeat(10_239) + "y"));
    texts.add(null);
    for (int round = 0; round < 2; round++) {
      for (String text : texts) {
        assertThat(echo.hashed(text)).isEqualTo(text);
        assertThat(echo.templated(text)).isEqualTo(text);
      }
    }
    assertThat(echo.hashed("null")).as("the default key tells null from \"null\"").isEqualTo("null");
    assertThat(echo.runs()).as("each argument computed once per method").isEqualTo(2 * texts.size() + 1);
    assertThat(hermes.stats().total().errors()).isZero();
  }

  @Test
  void anArgumentThatContainsItselfFailsClearlyAndTheNextCallWorks() {
    List<Object> cyclic = new ArrayList<>();
    cyclic.add(cyclic);

    assertThatThrownBy(() -> echo.size(cyclic)).isInstanceOf(HermesException.class)
        .hasMessageContaining("recursive").hasMessageContaining("key template");
    assertThat(echo.size(List.of(1, 2))).isEqualTo(2);
    assertThat(echo.size(List.of(1, 2))).isEqualTo(2);
    assertThat(echo.runs()).isEqualTo(1);
  }

  @Test
  void aValueJsonbCannotWriteIsReturnedUncachedAndCounted() {
    assertThat(echo.unwritable("a")).isNotNull();
    assertThat(echo.unwritable("a")).isNotNull();

    assertThat(echo.runs()).as("never cached").isEqualTo(2);
    assertThat(hermes.stats().total().errors()).isEqualTo(2);
  }
}
