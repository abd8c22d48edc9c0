package io.hermescache.internal;

import io.hermescache.HermesConfigurationException;
import java.time.Duration;
import java.util.Objects;

/** The checks of settings that the builder, the configuration parser and the integrations share. */
public final class SettingChecks {

  private SettingChecks() {}

  /** {@code value}, if positive; else a {@link HermesConfigurationException} naming {@code what}. */
  public static Duration positive(String what, Duration value) {
    Objects.requireNonNull(value, what);
    if (value.isZero() || value.isNegative()) {
      throw HermesConfigurationException.badValue(what, value.toString(), "must be positive");
    }
    return value;
  }

  /** {@code value}, if a usable prefix; else a {@link HermesConfigurationException} naming {@code what}. */
  public static String prefix(String what, String value) {
    return KeyRules.prefix(what, value);
  }
}
