package io.hermescache.docs.quickstart;

import io.hermescache.Hermes;
import java.time.Duration;
import java.util.List;

public class WithoutCdi {

  public static void main(String[] args) {
    Hermes hermes = Hermes.builder().ttl(Duration.ofMinutes(10)).build();   // no connection yet
    double avg = hermes.cached("avg:1:2", List.of("math"), Duration.ofMinutes(20), Double.class, () -> 1.5);
    hermes.clean("math");
  }
}
