package io.hermescache.examples.jakartaee;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermescache.CacheStats;
import io.hermescache.HermesStats;
import io.hermescache.test.PrometheusText;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tests of the WAR deployed to a real Payara Micro, called over HTTP: {@link CatalogueIT} on the backend
 * of the WAR's configuration (in-process), {@link CatalogueOnRedisIT} with the server configured for Redis.
 */
abstract class CatalogueTests {

  /** The running server these tests call. */
  abstract PayaraMicro server();

  private static final String PRODUCT = Catalogue.class.getName() + ".product";
  private static final String PRODUCT_ASYNC = Catalogue.class.getName() + ".productAsync";
  private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Jsonb jsonb = JsonbBuilder.create();

  @AfterAll
  static void closeJsonb() throws Exception {
    jsonb.close();
  }

  @BeforeEach
  void cleanEverything() throws Exception {
    assertThat(send("DELETE", "api/cache", null).statusCode()).isEqualTo(204);
  }

  @Test
  void repeatedReadsAreServedFromTheCache() throws Exception {
    CacheStats before = productStats();

    Product first = product(1);
    Product second = product(1);

    assertThat(second).isEqualTo(first);
    CacheStats after = productStats();
    assertThat(after.loads() - before.loads()).as("loads").isEqualTo(1);
    assertThat(after.hits() - before.hits()).as("hits").isEqualTo(1);
  }

  @Test
  void theAsynchronousEndpointIsCachedByItsCompletedValue() throws Exception {
    CacheStats before = stats(PRODUCT_ASYNC);

    HttpResponse<String> first = send("GET", "api/products/2/async", null);
    HttpResponse<String> second = send("GET", "api/products/2/async", null);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(jsonb.fromJson(second.body(), Product.class)).isEqualTo(jsonb.fromJson(first.body(), Product.class))
        .extracting(Product::name).isEqualTo("Teapot");
    CacheStats after = stats(PRODUCT_ASYNC);
    assertThat(after.loads() - before.loads()).as("loads").isEqualTo(1);
    assertThat(after.hits() - before.hits()).as("hits").isEqualTo(1);
  }

  @Test
  void updateInvalidatesThatProductOnly() throws Exception {
    product(1);
    product(2);
    long loads = productStats().loads();

    BigDecimal newPrice = new BigDecimal("31.15");
    HttpResponse<String> update = send("PUT", "api/products/1", jsonb.toJson(new Product(1, "Kettle", newPrice)));

    assertThat(update.statusCode()).isEqualTo(204);
    assertThat(product(1).price()).isEqualByComparingTo(newPrice);
    assertThat(productStats().loads() - loads).as("product 1 computed again").isEqualTo(1);
    product(2);
    assertThat(productStats().loads() - loads).as("product 2 still cached").isEqualTo(1);
  }

  @Test
  void cleaningATagRecomputesEveryEntryUnderIt() throws Exception {
    product(1);
    product(2);
    long loads = productStats().loads();

    assertThat(send("DELETE", "api/cache/tags/catalogue", null).statusCode()).isEqualTo(204);
    product(1);
    product(2);

    assertThat(productStats().loads() - loads).isEqualTo(2);
  }

  @Test
  void cleaningEverythingRecomputes() throws Exception {
    product(1);
    long loads = productStats().loads();

    assertThat(send("DELETE", "api/cache", null).statusCode()).isEqualTo(204);
    product(1);

    assertThat(productStats().loads() - loads).isEqualTo(1);
  }

  @Test
  void configurationComesFromMicroprofileConfigProperties() throws Exception {
    long loads = productStats().loads();

    // hermes.cache-nulls=false in META-INF/microprofile-config.properties: an unknown id is never cached
    assertThat(send("GET", "api/products/404", null).statusCode()).isEqualTo(404);
    assertThat(send("GET", "api/products/404", null).statusCode()).isEqualTo(404);

    assertThat(productStats().loads() - loads).isEqualTo(2);
  }

  @Test
  void theMicrometerCacheMetersCountTheCalls() throws Exception {
    CacheStats before = productStats();
    product(1);
    product(1);
    product(2);
    CacheStats stats = productStats();
    assertThat(stats.puts() - before.puts()).as("products 1 and 2 stored").isEqualTo(2);

    // read twice: the meters of a method first called are bound at a read
    send("GET", "api/micrometer", null);
    String metrics = send("GET", "api/micrometer", null).body();

    PrometheusText.assertShows(metrics, PRODUCT, stats);
  }

  @Test
  void readinessIncludesTheBackend() throws Exception {
    HealthCheck hermes = hermesCheck(server(), 200);

    assertThat(hermes.status()).isEqualTo("UP");
    assertThat(hermes.data()).containsEntry("reachable", "true");
  }

  private Product product(long id) throws IOException, InterruptedException {
    HttpResponse<String> response = send("GET", "api/products/" + id, null);
    assertThat(response.statusCode()).isEqualTo(200);
    return jsonb.fromJson(response.body(), Product.class);
  }

  private CacheStats productStats() throws IOException, InterruptedException {
    return stats(PRODUCT);
  }

  private CacheStats stats(String method) throws IOException, InterruptedException {
    HttpResponse<String> response = send("GET", "api/cache/stats", null);
    assertThat(response.statusCode()).isEqualTo(200);
    return jsonb.fromJson(response.body(), HermesStats.class).of(method);
  }

  HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
    return send(server(), method, path, json);
  }

  /** Calls {@code path} of the application on {@code server}, or of the server itself if it starts with a slash. */
  static HttpResponse<String> send(PayaraMicro server, String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.base().resolve(path)).timeout(Duration.ofSeconds(30));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.method(method, HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The {@code hermes} check of the server's {@code /health/ready}, which answered {@code status}. */
  static HealthCheck hermesCheck(PayaraMicro server, int status) throws IOException, InterruptedException {
    HttpResponse<String> ready = send(server, "GET", "/health/ready", null);
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(status);
    return jsonb.fromJson(ready.body(), Health.class).check("hermes");
  }
}
