package io.hermescache.docs.quickstart;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

public class Main {

  public static void main(String[] args) {
    try (SeContainer container = SeContainerInitializer.newInstance().initialize()) {
      Example example = container.select(Example.class).get();
      example.bar(2, 10);
    }
  }
}
