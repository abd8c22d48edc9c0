package io.hermescache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.spi.KeyLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeysTest {

  private static final KeyLimits MEMCACHED = new KeyLimits(250, true);

  @Test
  void hashIs22Base64UrlCharactersOfSha256() {
    assertThat(Keys.hash("foo".getBytes(StandardCharsets.UTF_8))).isEqualTo("LCa0a2j_xo_5m0U8HTBBNA");
    assertThat(Keys.token()).hasSize(22).matches("[A-Za-z0-9_-]+").isNotEqualTo(Keys.token());
  }

  @Test
  void keysWithinLimitsAreKept() {
    assertThat(Keys.fit("cache:entry:avg:1:2", MEMCACHED)).isEqualTo("cache:entry:avg:1:2");
    String spaced = "cache:entry:a b";
    assertThat(Keys.fit(spaced, KeyLimits.NONE)).isSameAs(spaced);
  }

  @Test
  void longOrUnusualKeysKeepAReadableHeadAndEndInAHashOfTheWhole() {
    String longKey = "cache:entry:" + "x".repeat(400);
    String fitted = Keys.fit(longKey, MEMCACHED);
    assertThat(fitted.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(250);
    assertThat(fitted).startsWith("cache:entry:xxxx").endsWith("#" + Keys.hash(longKey.getBytes(StandardCharsets.UTF_8)));

    String spaced = "cache:entry:user name\nwith newline";
    assertThat(Keys.fit(spaced, MEMCACHED)).startsWith("cache:entry:user_name_with_newline#").doesNotContain(" ");
    assertThat(Keys.fit(spaced, MEMCACHED)).isNotEqualTo(Keys.fit("cache:entry:user_name_with_newline", MEMCACHED));
  }

  @Test
  void multiByteCharactersCountInBytes() {
    String unicode = "cache:entry:" + "é".repeat(200);
    assertThat(unicode.length()).isLessThan(250);
    assertThat(Keys.fit(unicode, MEMCACHED).getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(250);
    assertThat(Keys.fit(unicode, MEMCACHED)).contains("#");
  }
}
