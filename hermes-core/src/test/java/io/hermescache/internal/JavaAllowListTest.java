package io.hermescache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.HermesConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hermes.serialiser.allow} takes explicit packages and classes only, checked at start-up. */
class JavaAllowListTest {

  @Test
  void explicitPackagesAndClassesAreAccepted() {
    assertThat(JavaAllowList.patterns(" java.lang.*; java.util.* ;com.acme.model.Order;com.acme.model.Order$Line;"))
        .containsExactly("java.lang.*", "java.util.*", "com.acme.model.Order", "com.acme.model.Order$Line");
  }

  @ParameterizedTest
  @ValueSource(strings = {"java.base/*", "java.**", "java.lang.*;**", "c*;o*", "c*", "*", "java.lang.*;*", "!com.acme.*",
      "com.acme.*;java.base/java.lang.*", "maxarray=10", "java.security.SignedObject", "java.security.*",
      "javax.management.BadAttributeValueExpException", "java.rmi.server.*", "sun.misc.*", "com.sun.rowset.JdbcRowSetImpl",
      "org.apache.commons.collections.functors.*", "java.util.PriorityQueue", "java.net.URL", "java.lang.reflect.Proxy"})
  void broadOrDangerousPatternsAreRefusedNamingThePattern(String allowList) {
    String bad = allowList.contains(";") && allowList.startsWith("java.lang.*") || allowList.startsWith("com.acme.*;")
        ? allowList.substring(allowList.indexOf(';') + 1) : allowList.split(";")[0];
    assertThatThrownBy(() -> new JavaSerialiser(allowList)).isInstanceOf(HermesConfigurationException.class)
        .hasMessageStartingWith("hermes.serialiser.allow = " + allowList + ": ")
        .hasMessageContaining("'" + bad + "'");
  }

  @Test
  void anEmptyListIsRefused() {
    for (String empty : new String[] {null, "", " ; "}) {
      assertThatThrownBy(() -> new JavaSerialiser(empty)).isInstanceOf(HermesConfigurationException.class)
          .hasMessageContaining("must list the classes or packages");
    }
  }
}
