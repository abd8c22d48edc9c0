package io.hermescache.benchmarks;

import io.hermescache.internal.DeflateCompressor;
import io.hermescache.internal.JsonbSerialiser;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** What a miss pays to store a value, and a remote hit to read it: JSON-B and deflate, per value size. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SerialisationBenchmark {

  public record Document(String title, List<String> lines) {}

  @Param({"1024", "102400"})
  public int bytes;

  private final JsonbSerialiser jsonb = new JsonbSerialiser();
  private final DeflateCompressor deflate = new DeflateCompressor();
  private Document document;
  private byte[] serialised;
  private byte[] compressed;

  @Setup
  public void setUp() {
    Random random = new Random(7);
    String[] words = {"cache", "tag", "lock", "value", "entry", "backend", "version", "hermes"};
    List<String> lines = new java.util.ArrayList<>();
    int size = 0;
    while (size < bytes) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        line.append(words[random.nextInt(words.length)]).append(' ');
      }
      lines.add(line.toString());
      size += line.length() + 3;
    }
    document = new Document("benchmark", lines);
    serialised = jsonb.serialise(document, Document.class);
    compressed = deflate.compress(serialised);
  }

  @Benchmark
  public byte[] serialise() {
    return jsonb.serialise(document, Document.class);
  }

  @Benchmark
  public Object deserialise() {
    return jsonb.deserialise(serialised, Document.class);
  }

  @Benchmark
  public byte[] compress() {
    return deflate.compress(serialised);
  }

  @Benchmark
  public byte[] decompress() {
    return deflate.decompress(compressed);
  }
}
