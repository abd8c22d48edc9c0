package io.hermescache.benchmarks;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JMH JSON result file and prints, as a Markdown table, each Hermes figure as a ratio to the
 * plain library measured in the same run: ratios hold on a noisy machine where absolute numbers do not.
 *
 * <p>{@code java -cp benchmarks.jar io.hermescache.benchmarks.Ratios target/jmh.json}
 */
public final class Ratios {

  /** A Hermes benchmark, the baseline it is compared with, and the project's target for the ratio. */
  private record Comparison(String what, String measured, String baseline, String target) {}

  private static final List<Comparison> COMPARISONS = List.of(
      new Comparison("in-process hit via Hermes / raw Caffeine get", "InProcessHitBenchmark.hermesHit",
          "InProcessHitBenchmark.rawCaffeineGet", ">= 0.5"),
      new Comparison("in-process hit, 3 tags / raw Caffeine get", "InProcessHitBenchmark.hermesHitThreeTags",
          "InProcessHitBenchmark.rawCaffeineGet", ""),
      new Comparison("CDI proxy hit / raw Caffeine get", "CdiHitBenchmark.proxyHit", "CdiHitBenchmark.rawCaffeineGet", ""),
      new Comparison("CDI proxy hit, 3 tags / raw Caffeine get", "CdiHitBenchmark.proxyHitThreeTags",
          "CdiHitBenchmark.rawCaffeineGet", ""),
      new Comparison("Redis hit / raw Jedis GET", "RedisHitBenchmark.hermesHit", "RedisHitBenchmark.rawJedisGet", ">= 0.9"),
      new Comparison("Redis hit, 3 tags / raw Jedis GET", "RedisHitBenchmark.hermesHitThreeTags",
          "RedisHitBenchmark.rawJedisGet", ">= 0.85"),
      new Comparison("Memcached hit / raw spymemcached get", "MemcachedHitBenchmark.hermesHit",
          "MemcachedHitBenchmark.rawGet", ""),
      new Comparison("Memcached hit, 3 tags / raw spymemcached get", "MemcachedHitBenchmark.hermesHitThreeTags",
          "MemcachedHitBenchmark.rawGet", ""));

  private Ratios() {}

  public static void main(String[] args) throws IOException {
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, String> units = new LinkedHashMap<>();
    try (Reader file = Files.newBufferedReader(Path.of(args[0])); JsonReader reader = Json.createReader(file)) {
      for (JsonValue run : reader.readArray()) {
        JsonObject result = run.asJsonObject();
        String name = result.getString("benchmark").replaceFirst(".*\\.(\\w+\\.\\w+)$", "$1");
        JsonObject params = result.getJsonObject("params");
        if (params != null) {
          name += params.keySet().stream().map(key -> "[" + key + "=" + params.getString(key) + "]").reduce("", String::concat);
        }
        JsonObject metric = result.getJsonObject("primaryMetric");
        scores.put(name, metric.getJsonNumber("score").doubleValue());
        units.put(name, metric.getString("scoreUnit"));
      }
    }
    System.out.println("| comparison | Hermes | baseline | ratio | target |");
    System.out.println("|---|---|---|---|---|");
    for (Comparison comparison : COMPARISONS) {
      Double measured = scores.get(comparison.measured);
      Double baseline = scores.get(comparison.baseline);
      if (measured != null && baseline != null) {
        System.out.printf(Locale.ROOT, "| %s | %.3f %s | %.3f %s | %.3f | %s |%n", comparison.what, measured,
            units.get(comparison.measured), baseline, units.get(comparison.baseline), measured / baseline, comparison.target);
      }
    }
    Double small = scores.get("CleanTagBenchmark.cleanTag[entries=100]");
    Double large = scores.get("CleanTagBenchmark.cleanTag[entries=1000000]");
    if (small != null && large != null) {
      System.out.printf(Locale.ROOT, "| clean(tag) at 10^6 entries / at 10^2 | %.0f ns | %.0f ns | %.2f | <= 1.5 |%n", large,
          small, large / small);
    }
    System.out.println();
    System.out.println("| benchmark | score | unit |");
    System.out.println("|---|---|---|");
    scores.forEach((name, score) -> System.out.printf(Locale.ROOT, "| %s | %.3f | %s |%n", name, score, units.get(name)));
  }
}
