package io.hermescache.internal.plan;

import io.hermescache.HermesCached;
import io.hermescache.HermesConfigurationException;
import io.hermescache.internal.ResilienceOverrides;
import io.hermescache.spi.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The TTL and resilience members of one method's {@link HermesCached}, each taken from the per-method
 * configuration key if set, else from the annotation; validated, a bad value failing deployment with the
 * configuration key (or the method and member) and the value.
 */
final class MemberValues {

  private final InterceptedMethod site;
  private final HermesCached cached;
  private final MethodConfiguration configuration;

  MemberValues(InterceptedMethod site, HermesCached cached, MethodConfiguration configuration) {
    this.site = site;
    this.cached = cached;
    this.configuration = configuration;
  }

  /** The TTL chosen for the method; {@code null}: {@code hermes.ttl}. */
  Duration ttl() {
    Optional<MethodConfiguration.Value> configured = configuration.member("ttl");
    if (configured.isPresent()) {
      Duration ttl = configuredDuration(configured.get());
      if (ttl.isZero()) {
        throw HermesConfigurationException.badValue(configured.get().key(), configured.get().text(), "must be positive");
      }
      return ttl;
    }
    if (cached.ttl() == HermesCached.CONFIGURED_TTL) {
      return null;
    }
    if (cached.ttl() <= 0) {
      throw site.problem("ttl = " + cached.ttl() + ": must be a positive number of seconds (or left out to use hermes.ttl)");
    }
    return Duration.ofSeconds(cached.ttl());
  }

  ResilienceOverrides resilience() {
    Duration staleFor = duration("staleFor", cached.staleFor(), false);
    Duration soft = duration("softTimeout", cached.softTimeout(), true);
    Duration hard = duration("hardTimeout", cached.hardTimeout(), true);
    return new ResilienceOverrides(staleFor, soft, hard, refreshAhead());
  }

  private Duration duration(String member, String annotated, boolean positive) {
    Optional<MethodConfiguration.Value> configured = configuration.member(member);
    if (configured.isPresent()) {
      Duration value = configuredDuration(configured.get());
      if (positive && value.isZero()) {
        throw HermesConfigurationException.badValue(configured.get().key(), configured.get().text(), "must be positive");
      }
      return value;
    }
    try {
      Duration value = ResilienceOverrides.duration(member, annotated);
      if (positive) {
        ResilienceOverrides.positive(member, value);
      }
      return value;
    } catch (HermesConfigurationException e) {
      throw site.problem(e.getMessage());
    }
  }

  private Double refreshAhead() {
    Optional<MethodConfiguration.Value> configured = configuration.member("refreshAhead");
    if (configured.isPresent()) {
      String key = configured.get().key();
      String text = configured.get().text().trim();
      try {
        return ResilienceOverrides.refreshAhead(key, Double.parseDouble(text));
      } catch (NumberFormatException e) {
        throw HermesConfigurationException.badValue(key, text, "not a number (e.g. 0.8)");
      }
    }
    if (cached.refreshAhead() < 0) {
      return null;
    }
    try {
      return ResilienceOverrides.refreshAhead("refreshAhead", cached.refreshAhead());
    } catch (HermesConfigurationException e) {
      throw site.problem(e.getMessage());
    }
  }

  /** A configured duration, as {@code hermes.ttl} reads one; the error names the key. */
  private static Duration configuredDuration(MethodConfiguration.Value value) {
    return Settings.of(Map.of(value.key(), value.text())).getDuration(value.key(), Duration.ZERO);
  }
}
