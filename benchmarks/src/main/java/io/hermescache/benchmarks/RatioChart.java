package io.hermescache.benchmarks;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;

/** Draws ratios as horizontal bars in SVG for the site, with a dashed line at 1.0 (as fast as the other). */
final class RatioChart {

  private static final int LABEL_WIDTH = 430;
  private static final int BAR_WIDTH = 360;
  private static final int ROW_HEIGHT = 26;

  private RatioChart() {}

  /** One bar per ratio, on a scale from 0 to 1, or to the largest ratio where Hermes is faster. */
  static String svg(Map<String, Double> ratios) {
    double scale = Math.max(1.0, ratios.isEmpty() ? 1.0 : Collections.max(ratios.values()));
    int one = LABEL_WIDTH + (int) Math.round(BAR_WIDTH / scale);
    int height = 40 + ROW_HEIGHT * ratios.size();
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " font-family=\"sans-serif\" font-size=\"12\">%n", LABEL_WIDTH + BAR_WIDTH + 70, height));
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" stroke=\"#999\""
        + " stroke-dasharray=\"4\"/>%n<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#666\">"
        + "1.0 = as fast as the plain library or peer</text>%n", one, one, height - 20, one, height - 6));
    int y = 12;
    for (Map.Entry<String, Double> ratio : ratios.entrySet()) {
      double width = Math.max(1, ratio.getValue() / scale * BAR_WIDTH);
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n"
          + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"#3b6ea5\"/>%n"
          + "<text x=\"%.1f\" y=\"%d\">%.3f</text>%n", LABEL_WIDTH - 8, y + 12, escape(ratio.getKey()), LABEL_WIDTH, y,
          width, LABEL_WIDTH + width + 4, y + 12, ratio.getValue()));
      y += ROW_HEIGHT;
    }
    return svg.append("</svg>\n").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
