package io.hermescache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoundTripCheckTest {

  private final RoundTripCheck check = new RoundTripCheck(new JsonbSerialiser());

  public record Person(String name, int age) {}

  /** No equals: compared by its properties. */
  public static class Account {
    private String owner;

    public String getOwner() {
      return owner;
    }

    public void setOwner(String owner) {
      this.owner = owner;
    }
  }

  /** A getter without a setter: the owner is lost on the way back. */
  public static class ReadOnly {
    private String owner;

    public ReadOnly() {}

    ReadOnly(String owner) {
      this.owner = owner;
    }

    public String getOwner() {
      return owner;
    }
  }

  public static List<Account> accounts;
  public static Map<String, Optional<ReadOnly>> readOnlies;

  private static Type type(String field) throws NoSuchFieldException {
    return RoundTripCheckTest.class.getField(field).getGenericType();
  }

  @Test
  void valuesThatComeBackEqualPassUnchanged() throws Exception {
    Account account = new Account();
    account.setOwner("bob");
    byte[] bytes = check.serialise(List.of(account), type("accounts"));
    assertThat(bytes).isEqualTo(new JsonbSerialiser().serialise(List.of(account), type("accounts")));
    check.serialise(new Person("Ann", 3), Person.class);
    check.serialise(7000L, long.class);
    assertThat(check.deserialise(check.serialise("x", String.class), String.class)).isEqualTo("x");
  }

  @Test
  void aValueThatComesBackAsAnotherClassFailsLoudly() {
    assertThatThrownBy(() -> check.serialise(7000L, Number.class)).isInstanceOf(AssertionError.class)
        .hasMessage("hermes.verify-round-trip: a value stored as java.lang.Number does not come back equal from"
            + " JsonbSerialiser: stored 7000 (java.lang.Long), read back 7000 (java.math.BigDecimal). Return a type"
            + " whose state the serialiser reads and writes (a record), or annotate the abstract type with"
            + " @JsonbTypeInfo");
  }

  @Test
  void aPropertyLostOnTheWayBackIsFoundDeepInsideAndTheEngineNamesTheMethod() throws Exception {
    Type type = type("readOnlies");
    RoundTripCheck.Mismatch mismatch = (RoundTripCheck.Mismatch) org.assertj.core.api.Assertions.catchThrowable(
        () -> check.serialise(Map.of("a", Optional.of(new ReadOnly("alice"))), type));
    assertThat(mismatch).isNotNull();
    assertThat(mismatch.in("com.acme.Repo.find").getMessage())
        .startsWith("com.acme.Repo.find: hermes.verify-round-trip: a value stored as java.util.Map<");
  }
}
