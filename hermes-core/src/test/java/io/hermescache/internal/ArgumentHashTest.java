package io.hermescache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.HermesException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
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

  /** State behind record-style accessors only: JSON-B saw {@code {}} for every range. */
  public static final class Range {
    private final int from;
    private final int to;

    public Range(int from, int to) {
      this.from = from;
      this.to = to;
    }

    public int from() {
      return from;
    }

    public int to() {
      return to;
    }
  }

  /** State in a private field only: alice and bob shared an entry. */
  public static final class UserContext {
    private final String name;

    public UserContext(String name) {
      this.name = name;
    }

    @Override
    public String toString() {
      return "UserContext";
    }
  }

  public static final class Node {
    private final Node next;

    Node(Node next) {
      this.next = next;
    }

    public Node getNext() {
      return next;
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
    Bean london = new Bean();
    london.setCity("London");
    assertThat(hash(london)).isNotEqualTo(hash(new Bean()));
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
    assertThat(ArgumentHash.of(new Class<?>[] {String.class, String.class}, new Object[] {"ab", "c"}))
        .isNotEqualTo(ArgumentHash.of(new Class<?>[] {String.class, String.class}, new Object[] {"a", "bc"}));
  }

  @Test
  void recursiveArgumentsFailClearly() {
    List<Object> loop = new ArrayList<>();
    loop.add(loop);
    assertThatThrownBy(() -> hash(loop)).isInstanceOf(HermesException.class)
        .hasMessageContaining("recursive").hasMessageContaining("key template");
  }

  @Test
  void classesWhoseStateNoPropertyReadsAreRefusedNotConfused() {
    assertThatThrownBy(() -> hash(new Range(1, 10))).isInstanceOf(HermesException.class)
        .hasMessage("Cannot key an argument of " + Range.class.getName() + ": " + Range.class.getName()
            + " keeps state in fields that no public getter or field reads (from, to); its accessor-style methods"
            + " from(), to() are not getters, so JSON-B does not read them. Give the method a key template"
            + " (key = \"...\"), a keyGenerator, or pass a record");
    assertThatThrownBy(() -> hash(new UserContext("alice"))).isInstanceOf(HermesException.class)
        .hasMessageContaining(UserContext.class.getName() + " keeps state in fields that no public getter or field reads (name)")
        .hasMessageNotContaining("alice");
    assertThatThrownBy(() -> hash(Pattern.compile("a"))).isInstanceOf(HermesException.class)
        .hasMessageContaining("java.util.regex.Pattern keeps state in fields");
  }

  @Test
  void bitSetsEnumsAndEmptyArraysOfOtherTypesAreApart() {
    BitSet one = new BitSet();
    one.set(1);
    BitSet hundred = new BitSet();
    hundred.set(100);
    assertThat(hash(one)).isNotEqualTo(hash(hundred)).isNotEqualTo(hash(new BitSet()));
    assertThat(KeyValues.Colour.RED.toString()).isEqualTo(KeyValues.Colour.GREEN.toString());
    assertThat(hash(KeyValues.Colour.RED)).isNotEqualTo(hash(KeyValues.Colour.GREEN));
    assertThat(hash(new int[0])).isNotEqualTo(hash(new long[0])).isNotEqualTo(hash(new Object[0]));
    assertThat(hash(new String[0])).isNotEqualTo(hash(new Object[0]));
  }

  @Test
  void stringsAreKeyedByTheirExactUtf16Content() {
    assertThat(hash("bob\uD800")).isNotEqualTo(hash("bob?")).isNotEqualTo(hash("bob\uFFFD"))
        .isNotEqualTo(hash("bob\uDC00")).isEqualTo(hash("bob" + '\uD800'));
    assertThat(hash(new char[] {'\uD800'})).isNotEqualTo(hash(new char[] {'?'}));
  }

  @Test
  void bigDecimalsAreKeyedAsEqualsSeesThem() {
    // 1.0 and 1.00 are not equal (scale), and a method may well answer differently (toString, setScale)
    assertThat(hash(new BigDecimal("1.0"))).isNotEqualTo(hash(new BigDecimal("1.00")))
        .isEqualTo(hash(new BigDecimal("1.0")));
  }

  @Test
  void aChainOf600LevelsFailsAtTheDepthLimitInsteadOfOverflowingTheStack() {
    Node chain = null;
    for (int i = 0; i < 600; i++) {
      chain = new Node(chain);
    }
    Node deep = chain;
    assertThatThrownBy(() -> hash(deep)).isInstanceOf(HermesException.class).hasMessageContaining("deeper than 32");
    Node shallow = new Node(new Node(null));
    assertThat(hash(shallow)).isEqualTo(hash(new Node(new Node(null)))).isNotEqualTo(hash(new Node(null)));
  }

  @Test
  void aSubListSharedAtEveryOf24LevelsIsHashedOnce() {
    Object shared = List.of("leaf");
    for (int level = 0; level < 24; level++) {
      shared = List.of(shared, shared);
    }
    // the same value with no sharing at the top: a fresh copy of each level's first half
    Object copied = List.of(((List<?>) shared).get(0), new ArrayList<>((List<?>) ((List<?>) shared).get(1)));
    long start = System.nanoTime();
    String key = hash(shared);
    long millis = (System.nanoTime() - start) / 1_000_000;
    // 2^24 paths; the encoding visits 25 lists. The bound is loose: a walk of every path took 20 s
    assertThat(millis).isLessThan(2_000);
    assertThat(key).isEqualTo(hash(copied));
  }
}
