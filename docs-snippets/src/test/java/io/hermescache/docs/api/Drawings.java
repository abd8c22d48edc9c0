package io.hermescache.docs.api;

import io.hermescache.HermesCached;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

@ApplicationScoped
public class Drawings {

  private final Map<Long, Figure> figures = new ConcurrentHashMap<>();

  @JsonbTypeInfo({@JsonbSubtype(alias = "circle", type = Circle.class),
                  @JsonbSubtype(alias = "square", type = Square.class)})
  public sealed interface Figure permits Circle, Square {}
  public record Circle(double radius) implements Figure {}
  public record Square(double side) implements Figure {}

  @HermesCached
  public Figure figure(long id) { return figures.get(id); }
}
