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

  @Test
  void aFittedKeyPassedAsALiteralIsFittedAgainNeverKept() {
    for (KeyLimits limits : new KeyLimits[] {MEMCACHED, KeyLimits.REDIS}) {
      for (String victim : new String[] {"cache:entry:user:Alice Smith", "cache:entry:" + "v".repeat(600),
          "cache:entry:{slot}", "cache:entry:a#b"}) {
        String stored = Keys.fit(victim, limits);
        if (stored.equals(victim)) {
          continue;
        }
        assertThat(stored).as("changed keys are marked").contains("#");
        String literal = stored;
        assertThat(Keys.fit(literal, limits)).as(literal).isNotEqualTo(stored);
        String argument = stored.substring("cache:entry:".length());
        assertThat(Keys.fit("cache:entry:" + argument, limits)).isNotEqualTo(stored);
      }
    }
  }

  @Test
  void keptKeysNeverHoldTheMarkerAndChangedKeysEndInTheHashOfTheOriginal() {
    java.util.Random random = new java.util.Random(16);
    String alphabet = "ab:#_ {}\té";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder key = new StringBuilder("cache:entry:");
      for (int n = random.nextInt(random.nextBoolean() ? 20 : 700); n > 0; n--) {
        key.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      for (KeyLimits limits : new KeyLimits[] {MEMCACHED, KeyLimits.REDIS}) {
        String fitted = Keys.fit(key.toString(), limits);
        assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(limits.maxBytes());
        if (fitted.equals(key.toString())) {
          assertThat(fitted).doesNotContain("#");
        } else {
          assertThat(fitted).endsWith("#" + Keys.hash(key.toString().getBytes(StandardCharsets.UTF_8)))
              .containsOnlyOnce("#");
        }
      }
    }
  }

  @Test
  void redisKeysAreBoundedAndHoldNoHashTag() {
    String huge = "cache:entry:" + "x".repeat(5 << 20);
    assertThat(Keys.fit(huge, KeyLimits.REDIS).getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(512);
    assertThat(Keys.fit("cache:entry:user:{42}", KeyLimits.REDIS)).doesNotContain("{", "}").startsWith("cache:entry:user:_42_#");
    assertThat(Keys.fit("cache:entry:user:42", KeyLimits.REDIS)).isEqualTo("cache:entry:user:42");
    assertThat(Keys.fit("cache:entry:user name", KeyLimits.REDIS)).isEqualTo("cache:entry:user name");
  }
}
