package io.hermescache.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}), so only the digest travels on each call; the body is sent
 * ({@code EVAL}, which also caches it) only when the server does not know it yet: after a restart, a
 * {@code SCRIPT FLUSH}, or on a cluster node seen for the first time.
 */
final class LuaScript {

  private final byte[] body;
  private final byte[] sha1;

  LuaScript(String body) {
    this.body = body.getBytes(StandardCharsets.UTF_8);
    this.sha1 = HexFormat.of().formatHex(sha1(this.body)).getBytes(StandardCharsets.US_ASCII);
  }

  /** The script's reply; it runs on the node of the first key. */
  Object run(UnifiedJedis redis, List<byte[]> keys, List<byte[]> arguments) {
    try {
      return redis.evalsha(sha1, keys, arguments);
    } catch (JedisNoScriptException e) {
      return redis.eval(body, keys, arguments);
    }
  }

  private static byte[] sha1(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
