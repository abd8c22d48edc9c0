package io.hermescache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.hermescache.HermesCached;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Return types whose values would not come back equal from JSON-B fail the build, as under hermes-cdi. */
class UnreadableReturnTypesFailTheBuildTest {

  private static final String WAYS_OUT = ". Return a record, a class with getters and setters, or annotate the"
      + " abstract type with @JsonbTypeInfo";

  @RegisterExtension
  static final QuarkusUnitTest APP = new QuarkusUnitTest()
      .withApplicationRoot(jar -> jar.addClasses(Values.class, Animal.class, Dog.class, Box.class))
      .assertException(failure -> assertThat(Failures.messages(failure)).contains(
          "@HermesCached on " + Values.class.getName() + ".anything(int): values of java.lang.Object would not come"
              + " back equal from the cache: java.lang.Object tells JSON-B nothing, so a value is read back as a Map,"
              + " a List, a BigDecimal or a String" + WAYS_OUT,
          "@HermesCached on " + Values.class.getName() + ".amount(int): values of java.lang.Number would not come"
              + " back equal from the cache: java.lang.Number is an abstract class without @JsonbTypeInfo, so JSON-B"
              + " cannot tell which class to read a value back as" + WAYS_OUT,
          "@HermesCached on " + Values.class.getName() + ".pet(int): values of " + Animal.class.getName()
              + " would not come back equal from the cache: " + Animal.class.getName() + " is an abstract class"
              + " without @JsonbTypeInfo, so JSON-B cannot tell which class to read a value back as" + WAYS_OUT,
          "@HermesCached on " + Values.class.getName() + ".box(int): values of " + Box.class.getName()
              + " would not come back equal from the cache: " + Box.class.getName() + " has no state JSON-B can both"
              + " read and write (a public getter with its setter, or a public field), so a value would be read back"
              + " as a default-constructed instance" + WAYS_OUT,
          "@HermesCached on " + Values.class.getName() + ".later(int): values of java.lang.Number would not come"
              + " back equal from the cache"));

  @Test
  void buildFails() {
    fail("the build should have failed");
  }

  public abstract static class Animal {
    private String name;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }
  }

  public static class Dog extends Animal {}

  public static class Box {
    private int content;

    public Box() {}

    public Box(int content) {
      this.content = content;
    }
  }

  @ApplicationScoped
  public static class Values {

    @HermesCached
    public Object anything(int i) {
      return i;
    }

    @HermesCached
    public Number amount(int i) {
      return 7000L;
    }

    @HermesCached
    public Animal pet(int i) {
      return new Dog();
    }

    @HermesCached
    public Box box(int i) {
      return new Box(i);
    }

    /** The item of a Uni is what is cached, so it is what is checked. */
    @HermesCached
    public Uni<Number> later(int i) {
      return Uni.createFrom().item(7000L);
    }
  }
}
