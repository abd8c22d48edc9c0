package io.hermescache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.HermesException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ArgumentHashTest {

  private static final Class<?>[] OBJECT = {Object.class};

  public record Person(String name, int age) {}

  public static class Bean {
    private String city = "Paris";

    public String getCity() {
      return city;
    }

    public void setCity(String city) {
      this.city = city;
    }
  }

  private static String hash(Object argument) {
    return ArgumentHash.of(OBJECT, new Object[] {argument});
  }

  @Test
  void equalValuesHashAlikeAndDifferentValuesDo() {
    assertThat(hash(List.of(1, 2))).isEqualTo(hash(new ArrayList<>(List.of(1, 2))));
    assertThat(hash(List.of(1, 2))).isNotEqualTo(hash(List.of(2, 1)));
    assertThat(hash(1)).isNotEqualTo(hash(1L)).isNotEqualTo(hash("1"));
    assertThat(hash(null)).isNotEqualTo(hash("null"));
    assertThat(hash(new Person("Ann", 30))).isEqualTo(hash(new Person("Ann", 30)))
        .isNotEqualTo(hash(new Person("Ann", 31)));
    assertThat(hash(new int[] {1, 2})).isEqualTo(hash(new int[] {1, 2})).isNotEqualTo(hash(new int[] {1, 3}));
    assertThat(hash(Optional.of("a"))).isNotEqualTo(hash(Optional.empty()));
    assertThat(hash(new Bean())).isEqualTo(hash(new Bean()));
  }

  @Test
  void setsAndMapsHashIndependentlyOfOrder() {
    Set<String> forward = new LinkedHashSet<>(List.of("a", "b", "c"));
    Set<String> backward = new LinkedHashSet<>(List.of("c", "b", "a"));
    assertThat(hash(forward)).isEqualTo(hash(backward));
    Map<String, Integer> sorted = new TreeMap<>(Map.of("x", 1, "y", 2));
    Map<String, Integer> reversed = new LinkedHashMap<>();
    reversed.put("y", 2);
    reversed.put("x", 1);
    assertThat(hash(sorted)).isEqualTo(hash(reversed)).isEqualTo(hash(new HashMap<>(sorted)));
    assertThat(hash(Map.of("x", 1))).isNotEqualTo(hash(Map.of("x", 2)));
  }

  @Test
  void parameterTypesArePartOfTheHash() {
    assertThat(ArgumentHash.of(new Class<?>[] {int.class}, new Object[] {1}))
        .isNotEqualTo(ArgumentHash.of(new Class<?>[] {Integer.class}, new Object[] {1}));
    assertThat(ArgumentHash.of(new Class<?>[] {}, new Object[] {})).hasSize(22);
  }

  @Test
  void recursiveArgumentsFailClearly() {
    List<Object> loop = new ArrayList<>();
    loop.add(loop);
    assertThatThrownBy(() -> hash(loop)).isInstanceOf(HermesException.class)
        .hasMessageContaining("recursive").hasMessageContaining("key template");
  }
}
