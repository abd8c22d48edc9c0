package io.hermescache.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.CacheStats;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a sample from a page in Prometheus' text format, as a metrics endpoint serves it: for tests that check
 * the meters of a running application over HTTP.
 */
public final class PrometheusText {

  private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)\\} (\\S+)");

  private PrometheusText() {}

  /**
   * The value of the sample {@code name} (e.g. {@code cache_gets_total}) that carries every label of
   * {@code labels}, given as name, value, name, value...; fails naming what it looked for if there is none.
   */
  public static double value(String page, String name, String... labels) {
    Matcher sample = SAMPLE.matcher(page);
    while (sample.find()) {
      if (sample.group(1).equals(name) && hasAll(sample.group(2), labels)) {
        return Double.parseDouble(sample.group(3));
      }
    }
    throw new AssertionError("No sample " + name + " with " + String.join(",", labels) + " in\n" + page);
  }

  /**
   * Checks that the meters hermes-micrometer publishes for {@code cache} (a cached method, e.g.
   * {@code com.example.Catalogue.product}) show {@code stats}, as that application's {@code Hermes.stats()}
   * reported them: for the examples, which compare their metrics page with their statistics endpoint.
   */
  public static void assertShows(String page, String cache, CacheStats stats) {
    assertThat(value(page, "cache_gets_total", "cache", cache, "result", "hit")).as("hits").isEqualTo(stats.hits());
    assertThat(value(page, "cache_gets_total", "cache", cache, "result", "miss")).as("misses").isEqualTo(stats.misses());
    assertThat(value(page, "cache_puts_total", "cache", cache)).as("puts").isEqualTo(stats.puts());
    assertThat(value(page, "cache_load_total", "cache", cache, "result", "success")).as("loads").isEqualTo(stats.loads());
    assertThat(value(page, "cache_load_total", "cache", cache, "result", "failure")).as("load failures")
        .isEqualTo(stats.loadFailures());
    assertThat(value(page, "cache_load_duration_seconds_count", "cache", cache)).as("timed loads")
        .isEqualTo(stats.loads() + stats.loadFailures());
  }

  private static boolean hasAll(String sampleLabels, String... labels) {
    for (int i = 0; i + 1 < labels.length; i += 2) {
      if (!("," + sampleLabels).contains("," + labels[i] + "=\"" + labels[i + 1] + "\"")) {
        return false;
      }
    }
    return true;
  }
}
