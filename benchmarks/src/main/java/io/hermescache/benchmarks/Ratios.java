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
 * Reads JMH JSON result files and prints, as a Markdown table, each Hermes figure as a ratio to the plain
 * library or the peer measured in the same run: ratios hold on a noisy machine where absolute numbers do
 * not. A ratio is Hermes' throughput divided by the other's (ops per time unit), so above 1 Hermes is
 * faster; a target of "&lt;= 1.2 times the peer's time" reads "&gt;= 0.83" here.
 *
 * <p>{@code java -cp benchmarks.jar io.hermescache.benchmarks.Ratios jmh.json [quarkus-jmh.json ...] [chart.svg]}
 * also draws the ratios as a bar chart for the site. A comparison whose two benchmarks are not both in the
 * files (a run of a few benchmarks only) is left out.
 */
public final class Ratios {

  /** A Hermes benchmark, the baseline or peer it is compared with, and the project's target for the ratio. */
  private record Comparison(String what, String measured, String baseline, String target) {}

  private static final List<Comparison> COMPARISONS = List.of(
      new Comparison("in-process hit via Hermes / raw Caffeine get", "InProcessHitBenchmark.hermesHit",
          "InProcessHitBenchmark.rawCaffeineGet", ">= 0.5"),
      new Comparison("in-process hit, 3 tags / raw Caffeine get", "InProcessHitBenchmark.hermesHitThreeTags",
          "InProcessHitBenchmark.rawCaffeineGet", ">= 0.4"),
      new Comparison("CDI proxy hit / raw Caffeine get", "CdiHitBenchmark.proxyHit", "CdiHitBenchmark.rawCaffeineGet", ""),
      new Comparison("CDI proxy hit, 3 tags / raw Caffeine get", "CdiHitBenchmark.proxyHitThreeTags",
          "CdiHitBenchmark.rawCaffeineGet", ""),
      new Comparison("Redis hit / raw Jedis GET", "RedisHitBenchmark.hermesHit", "RedisHitBenchmark.rawJedisGet", ">= 0.9"),
      new Comparison("Redis hit / raw Jedis MGET of the 3 keys it reads", "RedisHitBenchmark.hermesHit",
          "RedisHitBenchmark.rawJedisMgetOfHitKeys", ""),
      new Comparison("Redis hit, 3 tags / raw Jedis GET", "RedisHitBenchmark.hermesHitThreeTags",
          "RedisHitBenchmark.rawJedisGet", ">= 0.85"),
      new Comparison("Redis hit, near cache on / raw Caffeine get", "NearCacheHitBenchmark.hermesHit",
          "NearCacheHitBenchmark.rawCaffeineGet", ">= 0.3"),
      new Comparison("Redis hit, near cache on, 3 tags / raw Caffeine get", "NearCacheHitBenchmark.hermesHitThreeTags",
          "NearCacheHitBenchmark.rawCaffeineGet", ""),
      new Comparison("Memcached hit / raw spymemcached get", "MemcachedHitBenchmark.hermesHit",
          "MemcachedHitBenchmark.rawGet", ""),
      new Comparison("Memcached hit, 3 tags / raw spymemcached get", "MemcachedHitBenchmark.hermesHitThreeTags",
          "MemcachedHitBenchmark.rawGet", ""),
      new Comparison("CDI proxy hit / floor interceptor (one Caffeine get) on Weld", "CdiHitBenchmark.proxyHit",
          "CdiHitBenchmark.floorInterceptorHit", ""),
      new Comparison("CDI proxy hit / Spring @Cacheable on Caffeine", "CdiHitBenchmark.proxyHit",
          "SpringCaffeineHitBenchmark.cacheableHit", ">= 1.0"),
      new Comparison("CDI proxy hit, 3 tags / Spring @Cacheable on Caffeine", "CdiHitBenchmark.proxyHitThreeTags",
          "SpringCaffeineHitBenchmark.cacheableHit", ">= 0.83"),
      new Comparison("Redis hit / Spring @Cacheable on RedisCacheManager", "RedisHitBenchmark.hermesHit",
          "SpringRedisHitBenchmark.cacheableHit", ""),
      new Comparison("Redis hit, 3 tags / Spring @Cacheable on RedisCacheManager",
          "RedisHitBenchmark.hermesHitThreeTags", "SpringRedisHitBenchmark.cacheableHit", ""),
      new Comparison("@HermesCached / @CacheResult (quarkus-cache), one Quarkus app", "QuarkusHitBenchmark.hermesHit",
          "QuarkusHitBenchmark.cacheResultHit", ">= 1.0"),
      new Comparison("@HermesCached, 3 tags / @CacheResult (quarkus-cache)", "QuarkusHitBenchmark.hermesHitThreeTags",
          "QuarkusHitBenchmark.cacheResultHit", ">= 0.83"));

  private Ratios() {}

  public static void main(String[] args) throws IOException {
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, String> units = new LinkedHashMap<>();
    for (String file : args) {
      if (file.endsWith(".json")) {
        read(Path.of(file), scores, units);
      }
    }
    System.out.println("| comparison (Hermes throughput / the other's) | Hermes | baseline or peer | ratio | target |");
    System.out.println("|---|---|---|---|---|");
    Map<String, Double> ratios = new LinkedHashMap<>();
    for (Comparison comparison : COMPARISONS) {
      Double measured = scores.get(comparison.measured);
      Double baseline = scores.get(comparison.baseline);
      if (measured != null && baseline != null) {
        if (!units.get(comparison.measured).equals(units.get(comparison.baseline))) {
          throw new IllegalStateException(comparison.what + ": the two benchmarks report in different units, "
              + units.get(comparison.measured) + " and " + units.get(comparison.baseline));
        }
        ratios.put(comparison.what, measured / baseline);
        System.out.printf(Locale.ROOT, "| %s | %.3f %s | %.3f %s | %.3f | %s |%n", comparison.what, measured,
            units.get(comparison.measured), baseline, units.get(comparison.baseline), measured / baseline, comparison.target);
      }
    }
    for (String file : args) {
      if (file.endsWith(".svg")) {
        Files.writeString(Path.of(file), RatioChart.svg(ratios));
      }
    }
    Double small = scores.get("CleanTagBenchmark.cleanTag[entries=100]");
    Double large = scores.get("CleanTagBenchmark.cleanTag[entries=1000000]");
    if (small != null && large != null) {
      System.out.printf(Locale.ROOT, "| clean(tag) at 10^6 entries / at 10^2 (time) | %.0f ns | %.0f ns | %.2f | <= 1.5 |%n",
          large, small, large / small);
    }
    System.out.println();
    System.out.println("| benchmark | score | unit |");
    System.out.println("|---|---|---|");
    scores.forEach((name, score) -> System.out.printf(Locale.ROOT, "| %s | %.3f | %s |%n", name, score, units.get(name)));
  }

  /** Adds each benchmark of a JMH JSON result file, named {@code Class.method[param=value]}. */
  private static void read(Path file, Map<String, Double> scores, Map<String, String> units) throws IOException {
    try (Reader input = Files.newBufferedReader(file); JsonReader reader = Json.createReader(input)) {
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
  }
}
