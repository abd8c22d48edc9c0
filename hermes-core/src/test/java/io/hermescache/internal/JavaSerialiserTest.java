package io.hermescache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.Hermes;
import io.hermescache.HermesConfigurationException;
import io.hermescache.spi.Settings;
import java.io.InvalidClassException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The opt-in Java serialiser reads the classes of its allow-list and refuses every other before loading it. */
class JavaSerialiserTest {

  /** Stands for an application's own value class. */
  record Order(long id, List<String> lines) implements Serializable {}

  /** Stands for a deserialisation gadget: a class not on the allow-list. */
  static final class Gadget implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final JavaSerialiser serialiser = new JavaSerialiser(
      "java.lang.*;java.util.*;" + Order.class.getName());

  @Test
  void valuesOfAllowedClassesRoundTrip() {
    Order order = new Order(7, new ArrayList<>(List.of("tea", "milk")));

    assertThat(serialiser.deserialise(serialiser.serialise(order, Order.class), Order.class)).isEqualTo(order);
    assertThat(serialiser.deserialise(serialiser.serialise(42, int.class), int.class)).isEqualTo(42);
  }

  @Test
  void aClassOffTheAllowListIsRefused() {
    byte[] planted = new JavaSerialiser("io.hermescache.*").serialise(new Gadget(), Gadget.class);

    assertThatThrownBy(() -> serialiser.deserialise(planted, Object.class)).hasRootCauseInstanceOf(InvalidClassException.class)
        .hasMessageContaining("REJECTED");
  }

  @Test
  void aValueOfAnotherTypeIsRefused() {
    byte[] text = serialiser.serialise("text", String.class);

    assertThatThrownBy(() -> serialiser.deserialise(text, Order.class)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String where " + Order.class.getName());
  }

  @Test
  void itIsChosenByConfigurationAndWantsAnAllowList() {
    try (Hermes hermes = Hermes.builder().configure(Settings.of(Map.of("hermes.backend", "none",
        "hermes.serialiser", "java", "hermes.serialiser.allow", "java.lang.*"))).build()) {
      assertThat(hermes).isNotNull();
    }
    for (String allowList : new String[] {null, " ", "*", "java.lang.*;*", "!com.example.*"}) {
      Map<String, String> settings = new java.util.HashMap<>(Map.of("hermes.backend", "none", "hermes.serialiser", "java"));
      if (allowList != null) {
        settings.put("hermes.serialiser.allow", allowList);
      }
      assertThatThrownBy(() -> Hermes.builder().configure(Settings.of(settings)))
          .isInstanceOf(HermesConfigurationException.class).hasMessageStartingWith("hermes.serialiser.allow = ");
    }
  }
}
