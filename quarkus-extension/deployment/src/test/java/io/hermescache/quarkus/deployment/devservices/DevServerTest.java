package io.hermescache.quarkus.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The choices Hermes' Dev Services make before anything starts. */
class DevServerTest {

  @Test
  void onlyRedisAndMemcachedGetAServer() {
    assertThat(DevServer.forBackend("redis")).contains(DevServer.REDIS);
    assertThat(DevServer.forBackend("memcached")).contains(DevServer.MEMCACHED);
    assertThat(DevServer.forBackend("inprocess")).isEmpty();
    assertThat(DevServer.forBackend("")).isEmpty();
  }

  @Test
  void theBinaryIsFoundOnlyWhereThePathSays(@TempDir Path bin, @TempDir Path empty) throws IOException {
    Path binary = Files.createFile(bin.resolve("redis-server"));
    assertThat(DevServer.REDIS.findExecutable(empty + File.pathSeparator + bin)).as("not executable").isEmpty();
    assertThat(binary.toFile().setExecutable(true)).isTrue();
    assertThat(DevServer.REDIS.findExecutable(empty + File.pathSeparator + bin)).contains(binary);
    assertThat(DevServer.REDIS.findExecutable(empty.toString())).isEmpty();
    assertThat(DevServer.REDIS.findExecutable(null)).isEmpty();
  }

  @Test
  void withoutAServerOneLineSaysWhatToSet() {
    assertThat(DevServer.REDIS.unsetMessage("no Docker engine answers nor is redis-server on the PATH to start one"))
        .isEqualTo("hermes.backend=redis but hermes.redis.uri is not set and no Docker engine answers nor is"
            + " redis-server on the PATH to start one, so Hermes uses redis://localhost:6379/0; set hermes.redis.uri"
            + " (e.g. %dev.hermes.redis.uri=redis://my-redis:6379/0) to use another server");
    assertThat(DevServer.MEMCACHED.unsetMessage("Dev Services are off")).contains("set hermes.memcached.servers");
  }

  @Test
  void aLocalRedisKeepsNothingOnDisk() {
    assertThat(DevServer.REDIS.command("/usr/bin/redis-server", 7000)).containsSequence("--save", "")
        .containsSequence("--appendonly", "no").containsSequence("--bind", "127.0.0.1").containsSequence("--port", "7000");
  }
}
