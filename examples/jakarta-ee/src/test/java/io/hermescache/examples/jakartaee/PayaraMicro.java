package io.hermescache.examples.jakartaee;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts Payara Micro as a child process with the WAR deployed, on a free port, before the tests of a
 * class, and stops it after them. The jar, the WAR and the {@code java} to run it with come from the
 * system properties {@code payara.jar}, {@code payara.war} and {@code payara.java} set by the build.
 * Waiting is bounded; when the server does not come up, the exception carries the end of its log. JUnit
 * calls {@link #afterAll} even when {@link #beforeAll} failed, and a shutdown hook stops the server if
 * the test JVM is interrupted, so it does not outlive the tests.
 */
final class PayaraMicro implements BeforeAllCallback, AfterAllCallback {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern READY = Pattern.compile("Payara Micro .* ready in ");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String readyPath;
  private final Supplier<Map<String, String>> systemProperties;
  private Process process;
  private Path log;
  private URI base;

  /** @param readyPath a path of the application that answers 200 once it is deployed */
  PayaraMicro(String readyPath) {
    this(readyPath, Map::of);
  }

  /**
   * @param systemProperties given to the server's JVM as {@code -Dkey=value} when it starts; MicroProfile
   *     Config reads them over the WAR's {@code microprofile-config.properties}
   */
  PayaraMicro(String readyPath, Supplier<Map<String, String>> systemProperties) {
    this.readyPath = readyPath;
    this.systemProperties = systemProperties;
  }

  /** The application's root, e.g. {@code http://localhost:41234/hermes-example-jakarta-ee/}. */
  URI base() {
    return base;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Path war = Path.of(property("payara.war"));
    Path workDir = war.resolveSibling("payara-micro");
    Files.createDirectories(workDir);
    log = workDir.resolve("server.log");
    int port = freePort();
    String contextRoot = war.getFileName().toString().replaceFirst("\\.war$", "");
    base = URI.create("http://localhost:" + port + "/" + contextRoot + "/");

    long start = System.nanoTime();
    List<String> command = new ArrayList<>(List.of(property("payara.java")));
    systemProperties.get().forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(List.of("-jar", property("payara.jar"), "--deploy", war.toString(), "--port", String.valueOf(port),
        "--nocluster", "--rootdir", workDir.resolve("root").toString()));
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    awaitReady(System.nanoTime() + START_TIMEOUT.toNanos());
    System.out.printf("Payara Micro served %s after %d ms%n", base,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  /**
   * Waits for Payara's own "ready" line, then for the application to answer: Payara serves the WAR a
   * little before its start-up has finished, and requests in that window may be refused.
   */
  private void awaitReady(long deadline) throws IOException, InterruptedException {
    HttpRequest probe = HttpRequest.newBuilder(base.resolve(readyPath)).timeout(Duration.ofSeconds(5)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "\n" + logTail());
      }
      if (READY.matcher(log()).find() && answers(probe)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Payara Micro did not serve " + probe.uri() + " within " + START_TIMEOUT + "\n" + logTail());
  }

  private boolean answers(HttpRequest probe) throws IOException, InterruptedException {
    try {
      return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (ConnectException | HttpTimeoutException notYet) {
      return false;
    }
  }

  private String log() throws IOException {
    return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
  }

  private String logTail() throws IOException {
    List<String> lines = log().lines().toList();
    return "--- last lines of " + log + " ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("System property " + name + " is not set; run the test through Maven (failsafe)");
    }
    return value;
  }
}
