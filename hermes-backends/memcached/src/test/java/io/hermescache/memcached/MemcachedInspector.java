package io.hermescache.memcached;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads and writes memcached servers directly over the text protocol, past Hermes and spymemcached, to see
 * what is really stored. Each method takes {@code host:port,...} and works on every server listed.
 */
final class MemcachedInspector {

  private MemcachedInspector() {}

  /** Every key held by the servers (memcached's {@code lru_crawler metadump}). */
  static List<String> keys(String servers) {
    List<String> keys = new ArrayList<>();
    for (String server : servers.split(",")) {
      for (String line : exchange(server, "lru_crawler metadump all\r\n", reply -> reply.equals("END"))) {
        if (line.startsWith("key=")) {
          keys.add(URLDecoder.decode(line.substring(4, line.indexOf(' ')), StandardCharsets.UTF_8));
        }
      }
    }
    return keys;
  }

  /** Stores {@code value} under {@code key} on every server, without expiry. */
  static void setEverywhere(String servers, String key, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    for (String server : servers.split(",")) {
      List<String> reply = exchange(server, "set " + key + " 0 0 " + bytes.length + "\r\n" + value + "\r\n", line -> true);
      if (!reply.equals(List.of("STORED"))) {
        throw new IllegalStateException(server + " did not store " + key + ": " + reply);
      }
    }
  }

  /** Whether every server still holds {@code key} with {@code value}. */
  static boolean holdsEverywhere(String servers, String key, String value) {
    for (String server : servers.split(",")) {
      List<String> reply = exchange(server, "get " + key + "\r\n", line -> line.equals("END"));
      if (reply.size() != 3 || !reply.get(1).equals(value)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> exchange(String server, String command, Predicate<String> last) {
    int colon = server.lastIndexOf(':');
    try (Socket socket = new Socket(server.substring(0, colon).trim(), Integer.parseInt(server.substring(colon + 1).trim()))) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(command.getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
        if (last.test(line) || line.startsWith("ERROR") || line.startsWith("CLIENT_ERROR") || line.startsWith("SERVER_ERROR")) {
          break;
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot talk to memcached at " + server, e);
    }
  }
}
