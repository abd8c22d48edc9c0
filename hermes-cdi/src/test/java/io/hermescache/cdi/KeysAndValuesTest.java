package io.hermescache.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hermescache.HermesCached;
import io.hermescache.HermesException;
import io.hermescache.internal.ArgumentHash;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keys and values that cannot lie, in Weld: parameter types whose values could share a key and return types
 * that would not come back equal fail the deployment with these exact messages; a class-level annotation
 * leaves setters and lifecycle callbacks alone; a key template cannot reach a default-keyed entry.
 */
class KeysAndValuesTest {

  private static final String WAYS_OUT = ". Distinct arguments could share one cache entry; give the method a key"
      + " template (key = \"...\"), a keyGenerator, or make the parameter a record";
  private static final String VALUE_WAYS_OUT = ". Return a record, a class with getters and setters, or annotate the"
      + " abstract type with @JsonbTypeInfo";

  @BeforeAll
  static void defaultConfiguration() {
    TestConfig.useDefaults();
  }

  // ---- parameters

  /** Record-style accessors, no getters. */
  public static class Range {
    private final int from;
    private final int to;

    public Range(int from, int to) {
      this.from = from;
      this.to = to;
    }

    public int from() {
      return from;
    }

    public int to() {
      return to;
    }
  }

  /** State in a private field only. */
  public static class UserContext {
    private final String name;

    public UserContext(String name) {
      this.name = name;
    }
  }

  public static class Stateless {}

  public interface Shape {}

  @Dependent
  public static class RangeParameter {
    @HermesCached
    public int width(Range range) {
      return range.to() - range.from();
    }
  }

  @Dependent
  public static class UserContextParameter {
    @HermesCached
    public String orders(UserContext user) {
      return "";
    }
  }

  @Dependent
  public static class StatelessParameter {
    @HermesCached
    public String run(Stateless what) {
      return "";
    }
  }

  @Dependent
  public static class InterfaceParameter {
    @HermesCached
    public double area(Shape shape) {
      return 0;
    }
  }

  @Dependent
  public static class NumberParameter {
    @HermesCached
    public String format(Number number) {
      return "";
    }
  }

  @Dependent
  public static class NestedParameter {
    @HermesCached
    public int total(java.util.List<Range> ranges) {
      return 0;
    }
  }

  @Dependent
  public static class PatternParameter {
    @HermesCached
    public boolean matches(java.util.regex.Pattern pattern, String text) {
      return pattern.matcher(text).matches();
    }
  }

  @Test
  void aJdkClassWithHiddenState() {
    assertThat(deploymentError(PatternParameter.class)).contains("@HermesCached on " + PatternParameter.class.getName()
        + ".matches(Pattern, String): parameter 0 'pattern' of type java.util.regex.Pattern cannot be keyed:"
        + " java.util.regex.Pattern keeps state in fields that no public getter or field reads (");
  }

  @Test
  void aParameterWithRecordStyleAccessorsOnly() {
    assertThat(deploymentError(RangeParameter.class)).contains("@HermesCached on " + RangeParameter.class.getName()
        + ".width(Range): parameter 0 'range' of type " + Range.class.getName() + " cannot be keyed: "
        + Range.class.getName() + " keeps state in fields that no public getter or field reads (from, to); its"
        + " accessor-style methods from(), to() are not getters, so JSON-B does not read them" + WAYS_OUT);
  }

  @Test
  void aParameterWithPrivateFieldsOnly() {
    assertThat(deploymentError(UserContextParameter.class)).contains("@HermesCached on "
        + UserContextParameter.class.getName() + ".orders(UserContext): parameter 0 'user' of type "
        + UserContext.class.getName() + " cannot be keyed: " + UserContext.class.getName()
        + " keeps state in fields that no public getter or field reads (name)" + WAYS_OUT);
  }

  @Test
  void aParameterWithNoState() {
    assertThat(deploymentError(StatelessParameter.class)).contains("@HermesCached on "
        + StatelessParameter.class.getName() + ".run(Stateless): parameter 0 'what' of type "
        + Stateless.class.getName() + " cannot be keyed: " + Stateless.class.getName()
        + " has no readable state (no public getter or field), so all its values would share one key" + WAYS_OUT);
  }

  @Test
  void anAbstractParameterType() {
    assertThat(deploymentError(InterfaceParameter.class)).contains("@HermesCached on "
        + InterfaceParameter.class.getName() + ".area(Shape): parameter 0 'shape' of type " + Shape.class.getName()
        + " cannot be keyed: " + Shape.class.getName() + " is an interface, so the key cannot know which state of its"
        + " implementations tells values apart" + WAYS_OUT);
    assertThat(deploymentError(NumberParameter.class)).contains("@HermesCached on "
        + NumberParameter.class.getName() + ".format(Number): parameter 0 'number' of type java.lang.Number cannot be"
        + " keyed: java.lang.Number is an abstract class, so the key cannot know which state of its implementations"
        + " tells values apart" + WAYS_OUT);
  }

  @Test
  void anUnkeyableElementType() {
    assertThat(deploymentError(NestedParameter.class)).contains("@HermesCached on "
        + NestedParameter.class.getName() + ".total(List): parameter 0 'ranges' of type java.util.List<"
        + Range.class.getName() + "> cannot be keyed: " + Range.class.getName() + " keeps state in fields");
  }

  // ---- return types

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

  /** A no-argument constructor and no getters: JSON-B read every Box back as Box(0). */
  public static class Box {
    private int content;

    public Box() {}

    public Box(int content) {
      this.content = content;
    }
  }

  @Dependent
  public static class ReturnsObject {
    @HermesCached
    public Object anything(int i) {
      return i;
    }
  }

  @Dependent
  public static class ReturnsNumber {
    @HermesCached
    public Number amount(int i) {
      return 7000L;
    }
  }

  @Dependent
  public static class ReturnsAnimal {
    @HermesCached
    public Animal pet(int i) {
      return new Dog();
    }
  }

  @Dependent
  public static class ReturnsBox {
    @HermesCached
    public Box box(int i) {
      return new Box(i);
    }
  }

  @Test
  void anObjectReturnType() {
    assertThat(deploymentError(ReturnsObject.class)).contains("@HermesCached on " + ReturnsObject.class.getName()
        + ".anything(int): values of java.lang.Object would not come back equal from the cache: java.lang.Object tells"
        + " JSON-B nothing, so a value is read back as a Map, a List, a BigDecimal or a String" + VALUE_WAYS_OUT);
  }

  @Test
  void aNumberReturnType() {
    assertThat(deploymentError(ReturnsNumber.class)).contains("@HermesCached on " + ReturnsNumber.class.getName()
        + ".amount(int): values of java.lang.Number would not come back equal from the cache: java.lang.Number is an"
        + " abstract class without @JsonbTypeInfo, so JSON-B cannot tell which class to read a value back as"
        + VALUE_WAYS_OUT);
  }

  @Test
  void anAbstractReturnTypeWithoutTypeInformation() {
    assertThat(deploymentError(ReturnsAnimal.class)).contains("@HermesCached on " + ReturnsAnimal.class.getName()
        + ".pet(int): values of " + Animal.class.getName() + " would not come back equal from the cache: "
        + Animal.class.getName() + " is an abstract class without @JsonbTypeInfo, so JSON-B cannot tell which class to"
        + " read a value back as" + VALUE_WAYS_OUT);
  }

  @Test
  void aReturnTypeWithNoReadableAndWritableState() {
    assertThat(deploymentError(ReturnsBox.class)).contains("@HermesCached on " + ReturnsBox.class.getName()
        + ".box(int): values of " + Box.class.getName() + " would not come back equal from the cache: "
        + Box.class.getName() + " has no state JSON-B can both read and write (a public getter with its setter, or a"
        + " public field), so a value would be read back as a default-constructed instance" + VALUE_WAYS_OUT);
  }

  // ---- what is accepted

  @JsonbTypeInfo({@JsonbSubtype(alias = "circle", type = Circle.class), @JsonbSubtype(alias = "square", type = Square.class)})
  public sealed interface Figure permits Circle, Square {}

  public record Circle(double radius) implements Figure {}

  public record Square(double side) implements Figure {}

  @ApplicationScoped
  public static class Figures {
    static final AtomicInteger LOADS = new AtomicInteger();

    /** A sealed parameter type whose subclasses are records is keyable; the return type carries type information. */
    @HermesCached
    public Figure bigger(Figure figure) {
      LOADS.incrementAndGet();
      return figure instanceof Circle ? new Circle(((Circle) figure).radius() * 2) : new Square(((Square) figure).side() * 2);
    }
  }

  /** Cached as a whole class, with a setter and an init method that must be left alone. */
  @ApplicationScoped
  @HermesCached
  public static class Greeter {
    static final AtomicInteger LOADS = new AtomicInteger();
    private String greeting = "hello";

    @PostConstruct
    public void init() {
      greeting = "hi";
    }

    public void setGreeting(String greeting) {
      this.greeting = greeting;
    }

    public String greet(String who) {
      LOADS.incrementAndGet();
      return greeting + " " + who;
    }

    @Override
    public String toString() {
      return "Greeter " + greeting;
    }
  }

  @ApplicationScoped
  public static class Secrets {
    @HermesCached
    public String secret(String user) {
      return "secret of " + user;
    }

    @HermesCached(key = "{id}")
    public String echo(String id) {
      return "echo " + id;
    }

    @HermesCached
    public String describe(Object anything) {
      return anything.getClass().getSimpleName();
    }
  }

  @Test
  void aSealedHierarchyWithTypeInformationRoundTrips() {
    Figures.LOADS.set(0);
    try (WeldContainer container = Containers.boot(Map.of("hermes.verify-round-trip", "true"), Figures.class)) {
      Figures figures = container.select(Figures.class).get();
      assertThat(figures.bigger(new Circle(1))).isEqualTo(new Circle(2));
      assertThat(figures.bigger(new Circle(1))).isEqualTo(new Circle(2)).isInstanceOf(Circle.class);
      assertThat(figures.bigger(new Square(1))).isEqualTo(new Square(2));
      assertThat(figures.bigger(new Square(1))).isEqualTo(new Square(2));
      assertThat(Figures.LOADS).hasValue(2);
    }
  }

  @Test
  void aClassLevelAnnotationLeavesSettersLifecycleCallbacksAndObjectMethodsAlone() {
    Greeter.LOADS.set(0);
    try (WeldContainer container = Containers.boot(Map.of(), Greeter.class)) {
      Greeter greeter = container.select(Greeter.class).get();
      assertThat(greeter.greet("ann")).isEqualTo("hi ann");
      assertThat(greeter.greet("ann")).isEqualTo("hi ann");
      assertThat(Greeter.LOADS).as("greet is cached").hasValue(1);
      greeter.setGreeting("hey");
      assertThat(greeter.toString()).isEqualTo("Greeter hey");
      greeter.setGreeting("yo");
      assertThat(greeter.toString()).as("toString is not cached").isEqualTo("Greeter yo");
      assertThat(greeter.greet("bob")).isEqualTo("yo bob");
    }
  }

  @Test
  void aKeyTemplateCannotReadAnotherMethodsDefaultKeyedEntry() {
    try (WeldContainer container = Containers.boot(Map.of(), Secrets.class)) {
      Secrets secrets = container.select(Secrets.class).get();
      assertThat(secrets.secret("alice")).isEqualTo("secret of alice");
      String storedKey = Secrets.class.getName() + ":secret:"
          + ArgumentHash.of(new Class<?>[] {String.class}, new Object[] {"alice"});
      assertThat(secrets.echo(storedKey)).isEqualTo("echo " + storedKey);
      assertThat(secrets.echo(storedKey)).isEqualTo("echo " + storedKey);
    }
  }

  public static class Link {
    private final Link next;

    public Link(Link next) {
      this.next = next;
    }

    public Link getNext() {
      return next;
    }
  }

  @Test
  void aLoneSurrogateIsNotAQuestionMarkAndA600LevelChainFailsClearly() {
    try (WeldContainer container = Containers.boot(Map.of(), Secrets.class)) {
      Secrets secrets = container.select(Secrets.class).get();
      assertThat(secrets.secret("bob?")).isEqualTo("secret of bob?");
      assertThat(secrets.secret("bob\uD800")).isEqualTo("secret of bob\uD800");
      Link chain = null;
      for (int i = 0; i < 600; i++) {
        chain = new Link(chain);
      }
      Link deep = chain;
      assertThatThrownBy(() -> secrets.describe(deep)).isInstanceOf(HermesException.class)
          .hasMessageContaining("nests deeper than 32 levels");
      assertThat(secrets.describe(new Link(null))).isEqualTo("Link");
    }
  }

  @Test
  void anObjectParameterIsKeyedByRuntimeTypeAndRefusesUnkeyableClasses() {
    try (WeldContainer container = Containers.boot(Map.of(), Secrets.class)) {
      Secrets secrets = container.select(Secrets.class).get();
      assertThat(secrets.describe(new int[0])).isEqualTo("int[]");
      assertThat(secrets.describe(new long[0])).isEqualTo("long[]");
      assertThatThrownBy(() -> secrets.describe(new UserContext("alice"))).isInstanceOf(HermesException.class)
          .hasMessageContaining("Cannot key an argument of " + UserContext.class.getName())
          .hasMessageNotContaining("alice");
    }
  }

  /** The messages of the exception (and its causes) that stopped a container of {@code beans} from starting. */
  static String deploymentError(Class<?>... beans) {
    Throwable error = catchThrowable(() -> {
      try (WeldContainer container = Containers.boot(Map.of(), beans)) {
        // reaching this line means the deployment was accepted
      }
    });
    assertThat(error).as("deployment error").isNotNull();
    StringBuilder messages = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    return messages.toString();
  }
}
