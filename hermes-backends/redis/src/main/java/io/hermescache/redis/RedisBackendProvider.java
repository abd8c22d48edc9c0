package io.hermescache.redis;

import io.hermescache.spi.Backend;
import io.hermescache.spi.BackendProvider;
import io.hermescache.spi.Settings;

/**
 * {@code hermes.backend=redis}. Keys:
 *
 * <table>
 *   <caption>Redis configuration</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code hermes.redis.uri}</td><td>{@code redis://localhost:6379/0}</td>
 *       <td>{@code redis://[[user]:password@]host[:port][/database]}; {@code rediss://} for TLS. Special
 *       characters in the password are percent-encoded. The password never appears in logs or errors.</td></tr>
 *   <tr><td>{@code hermes.redis.timeout}</td><td>{@code PT2S}</td>
 *       <td>connect and read timeout, and the longest wait for a pooled connection. A call waits at most
 *       twice this for a server that stops answering: once for its command, once more when the pool replaces
 *       the broken connection at once and the new one's handshake waits too. After three failures in a row,
 *       calls do not wait at all (the circuit opens; see {@code Hermes}).</td></tr>
 *   <tr><td>{@code hermes.redis.tls.truststore}</td><td>(unset)</td>
 *       <td>with {@code rediss://}: a trust store file (PKCS12 or JKS) holding the certificate of the CA that
 *       signed the servers' certificates. Unset: the JVM's trust store ({@code javax.net.ssl.trustStore} and
 *       its password property, else the JDK's CAs). Either way the certificate chain and the host name are
 *       checked.</td></tr>
 *   <tr><td>{@code hermes.redis.tls.truststore-password}</td><td>(unset)</td>
 *       <td>the trust store's password, if it has one; never logged</td></tr>
 *   <tr><td>{@code hermes.redis.tls.truststore-type}</td><td>the JVM's default ({@code PKCS12})</td>
 *       <td>{@code PKCS12} or {@code JKS}</td></tr>
 *   <tr><td>{@code hermes.redis.pool.max-total}</td><td>{@code 16}</td><td>connections per server</td></tr>
 *   <tr><td>{@code hermes.redis.pool.max-idle}</td><td>max-total</td><td>idle connections kept per server</td></tr>
 *   <tr><td>{@code hermes.redis.cluster}</td><td>(unset)</td>
 *       <td>{@code host:port,host:port}: seed nodes of a Redis Cluster. The URI then gives only the scheme
 *       (TLS), user and password; its host is not used and its database must be 0.</td></tr>
 *   <tr><td>{@code hermes.redis.sentinel.master}</td><td>(unset)</td>
 *       <td>name of a master monitored by Sentinel, with {@code hermes.redis.sentinel.nodes} =
 *       {@code host:port,host:port} of the sentinels. The URI gives scheme, credentials and database of the
 *       master; its host is not used. Sentinels are reached without credentials.</td></tr>
 * </table>
 *
 * <p>Bad values fail when the backend is created, naming the key and the value; nothing connects before
 * the first operation.
 */
public final class RedisBackendProvider implements BackendProvider {

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public Backend create(Settings settings) {
    return new RedisBackend(RedisConfig.from(settings));
  }
}
