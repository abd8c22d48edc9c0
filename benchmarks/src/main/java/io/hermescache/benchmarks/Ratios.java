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
 * <p>{@code java -cp benchmarks.jar io.hermescache.benchmarks.Ratios target/jmh.json [chart.svg]} also draws
 * the ratios as a bar chart for the site.
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

  /** Horizontal bars, one per ratio, on a scale from 0 to 1 (the plain library). */
  private static String chart(Map<String, Double> ratios) {
    int labelWidth = 330;
    int barWidth = 360;
    int rowHeight = 26;
    int height = 40 + rowHeight * ratios.size();
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " font-family=\"sans-serif\" font-size=\"12\">%n", labelWidth + barWidth + 70, height));
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" stroke=\"#999\""
        + " stroke-dasharray=\"4\"/>%n<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#666\">"
        + "1.0 = the plain library</text>%n", labelWidth + barWidth, labelWidth + barWidth, height - 20,
        labelWidth + barWidth, height - 6));
    int y = 12;
    for (Map.Entry<String, Double> ratio : ratios.entrySet()) {
      double shown = Math.min(ratio.getValue(), 1.0);
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n"
          + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"#3b6ea5\"/>%n"
          + "<text x=\"%.1f\" y=\"%d\">%.3f</text>%n", labelWidth - 8, y + 12, escape(ratio.getKey()), labelWidth, y,
          Math.max(1, shown * barWidth), labelWidth + Math.max(1, shown * barWidth) + 4, y + 12, ratio.getValue()));
      y += rowHeight;
    }
    return svg.append("</svg>\n").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

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
    Map<String, Double> ratios = new LinkedHashMap<>();
    for (Comparison comparison : COMPARISONS) {
      Double measured = scores.get(comparison.measured);
      Double baseline = scores.get(comparison.baseline);
      if (measured != null && baseline != null) {
        ratios.put(comparison.what, measured / baseline);
        System.out.printf(Locale.ROOT, "| %s | %.3f %s | %.3f %s | %.3f | %s |%n", comparison.what, measured,
            units.get(comparison.measured), baseline, units.get(comparison.baseline), measured / baseline, comparison.target);
      }
    }
    if (args.length > 1) {
      Files.writeString(Path.of(args[1]), chart(ratios));
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
