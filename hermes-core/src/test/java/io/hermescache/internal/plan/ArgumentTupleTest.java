package io.hermescache.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.HermesCached;
import io.hermescache.internal.LocalKey;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Calls are told apart in memory by their arguments exactly when their backend keys tell them apart. */
class ArgumentTupleTest {

  enum Colour { RED, GREEN }

  public static class Catalogue {
    @HermesCached(tags = {"products", "sku:{sku}", "store:{store}"})
    public String product(String sku, int size, Long store, Colour colour, UUID batch, char grade, boolean gift) {
      return sku;
    }

    @HermesCached
    public String priced(BigDecimal price) {
      return "";
    }

    @HermesCached
    public String weighed(double grams) {
      return "";
    }

    @HermesCached(key = "product:{0}")
    public String templated(String sku) {
      return sku;
    }
  }

  private static CachedMethodPlan plan(String name, Class<?>... parameters) throws Exception {
    Method method = Catalogue.class.getMethod(name, parameters);
    return CachedMethodPlan.of(Catalogue.class, method, method.getAnnotation(HermesCached.class),
        Instances.constructors());
  }

  @Test
  void equalTuplesExactlyWhenEqualKeys() throws Exception {
    CachedMethodPlan plan = plan("product", String.class, int.class, Long.class, Colour.class, UUID.class,
        char.class, boolean.class);
    UUID batch = UUID.randomUUID();
    List<Object[]> calls = new ArrayList<>();
    for (String sku : new String[] {"a", "b", "", "\ud800", null}) {
      for (int size : new int[] {0, 1, -1}) {
        for (Long store : new Long[] {0L, 1L, null}) {
          for (Colour colour : new Colour[] {Colour.RED, Colour.GREEN, null}) {
            calls.add(new Object[] {sku, size, store, colour, batch, 'x', true});
          }
        }
      }
    }
    calls.add(new Object[] {"a", 0, 0L, Colour.RED, UUID.randomUUID(), 'x', true});
    calls.add(new Object[] {"a", 0, 0L, Colour.RED, batch, 'y', false});
    for (Object[] one : calls) {
      for (Object[] other : calls) {
        Object first = plan.localKey(one.clone());
        Object second = plan.localKey(other.clone());
        assertThat(first).isInstanceOf(LocalKey.class);
        boolean sameKey = plan.key(one).equals(plan.key(other));
        assertThat(first.equals(second)).as("%s vs %s", Arrays.toString(one), Arrays.toString(other)).isEqualTo(sameKey);
        if (sameKey) {
          assertThat(first.hashCode()).isEqualTo(second.hashCode());
        }
        assertThat(((LocalKey) first).key()).isEqualTo(plan.key(one));
        assertThat(((LocalKey) first).tags()).isEqualTo(plan.tags(one));
      }
    }
  }

  @Test
  void argumentsWhoseEqualsIsNotTheirEncodingKeepTheRenderedKey() throws Exception {
    // 1.0 and 1.00 are not equal; 0.0 and -0.0 are not equal though numerically so: compare encodings instead
    assertThat(plan("priced", BigDecimal.class).localKey(new Object[] {BigDecimal.ONE})).isInstanceOf(String.class);
    assertThat(plan("weighed", double.class).localKey(new Object[] {1.0})).isInstanceOf(String.class);
    assertThat(plan("templated", String.class).localKey(new Object[] {"a"})).isEqualTo("product:a");
  }

  @Test
  void twoMethodsNeverShareATuple() throws Exception {
    CachedMethodPlan product = plan("product", String.class, int.class, Long.class, Colour.class, UUID.class,
        char.class, boolean.class);
    CachedMethodPlan templated = plan("templated", String.class);
    assertThat(product.localKey(new Object[] {"a", 1, 1L, Colour.RED, null, 'x', true}))
        .isNotEqualTo(templated.localKey(new Object[] {"a"}));
  }
}
