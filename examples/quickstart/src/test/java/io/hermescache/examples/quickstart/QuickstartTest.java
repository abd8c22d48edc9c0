package io.hermescache.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the quickstart's {@code main} as a user would (a Weld SE container, the in-process backend) and checks
 * what it prints: after each step, which calls were computed and which were served from the cache.
 */
class QuickstartTest {

  private static final Pattern CALL = Pattern.compile("^\\s+(foo|bar|baz)\\(\\d+, \\d+\\)\\s+= (\\S+)\\s+(computed|served from cache)$");

  @Test
  void printsWhichCallsWereComputedAndWhichServedFromTheCache() {
    String output = runMain();

    assertThat(output).contains("Hermes quickstart on the ");
    List<String> calls = output.lines().map(CALL::matcher).filter(Matcher::matches)
        .map(call -> call.group(1) + " " + call.group(2) + " " + call.group(3)).toList();
    String c = "computed";
    String s = "served from cache";
    assertThat(calls).containsExactly(
        "foo 666 " + c, "bar 1024.0 " + c, "baz 6.0 " + c,      // first calls
        "foo 666 " + s, "bar 1024.0 " + s, "baz 6.0 " + s,      // repeated
        "foo 666 " + s, "bar 1024.0 " + c, "baz 6.0 " + s,      // invalidate(bar(2, 10))
        "foo 666 " + c, "bar 1024.0 " + s, "baz 6.0 " + c,      // invalidate foo and baz
        "foo 666 " + s, "bar 1024.0 " + c, "baz 6.0 " + c,      // clean("math")
        "foo 666 " + c, "bar 1024.0 " + c, "baz 6.0 " + c);     // clean()
    assertThat(output).containsPattern("foo: 3 hits, \\d+ misses, 3 loads")
        .containsPattern("bar: 2 hits, \\d+ misses, 4 loads").containsPattern("baz: 2 hits, \\d+ misses, 4 loads");
  }

  private static String runMain() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Quickstart.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    original.print(output);
    return output;
  }
}
