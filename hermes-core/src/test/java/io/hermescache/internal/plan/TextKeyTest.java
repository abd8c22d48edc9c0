package io.hermescache.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.internal.ArgumentHash;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Template keys cannot name a default-keyed entry, and two texts never share one entry. */
class TextKeyTest {

  @Test
  void ordinaryTemplateKeysStayAsWritten() {
    assertThat(CachedMethodPlan.textKey("avg:1:2")).isEqualTo("avg:1:2");
    assertThat(CachedMethodPlan.textKey("user:alice@example.com")).isEqualTo("user:alice@example.com");
  }

  @Test
  void aTextShapedLikeADefaultKeyIsMovedOutOfTheirWay() {
    String stored = "com.acme.Secrets:secret:" + ArgumentHash.of(new Class<?>[] {String.class}, new Object[] {"alice"});
    assertThat(CachedMethodPlan.textKey(stored)).isEqualTo("=" + stored);
    assertThat(CachedMethodPlan.textKey("=" + stored)).isEqualTo("==" + stored);
  }

  @Test
  void theMappingIsInjective() {
    String hash = "A".repeat(22);
    List<String> texts = List.of("a:b:" + hash, "=a:b:" + hash, "==a:b:" + hash, "a:b:" + hash + "x", "=", "==", "",
        "a:b", "=a:b", "a:b:c:" + hash, "a:b:" + hash.substring(1) + "!");
    Set<String> keys = new HashSet<>();
    for (String text : texts) {
      String key = CachedMethodPlan.textKey(text);
      assertThat(keys.add(key)).as("key of %s", text).isTrue();
      assertThat(key.startsWith("=") || !key.matches("[^:=]+:[^:]+:[A-Za-z0-9_-]{22}")).isTrue();
    }
  }
}
