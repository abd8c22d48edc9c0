package io.hermescache;

import io.hermescache.internal.ResilienceOverrides;
import io.hermescache.internal.SettingChecks;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How {@link Hermes#cached(String, CacheOptions, java.util.concurrent.Callable)} and
 * {@link Hermes#cachedAsync(String, CacheOptions, java.util.function.Supplier)} cache a value: the same
 * choices as the members of {@link HermesCached}, as one immutable object that can be shared by many calls.
 * What is not chosen is the configured default ({@code hermes.ttl}, {@code hermes.fail-safe.max-stale}, ...).
 *
 * <pre>{@code
 * CacheOptions users = CacheOptions.builder(User.class).ttl(Duration.ofMinutes(10))
 *     .staleFor(Duration.ofHours(1)).softTimeout(Duration.ofMillis(50)).statsGroup("users").build();
 * User user = hermes.cached("user:" + id, users, () -> repository.find(id));
 * }</pre>
 */
public final class CacheOptions {

  private final Type type;
  private final List<String> tags;
  private final Duration ttl;
  private final String statsGroup;
  private final Duration staleFor;
  private final Duration softTimeout;
  private final Duration hardTimeout;
  private final Double refreshAhead;

  private CacheOptions(Builder builder) {
    type = builder.type;
    tags = builder.tags;
    ttl = builder.ttl;
    statsGroup = builder.statsGroup;
    staleFor = builder.staleFor;
    softTimeout = builder.softTimeout;
    hardTimeout = builder.hardTimeout;
    refreshAhead = builder.refreshAhead;
  }

  /** Options for values of {@code type} (generic types included: the value is read back as this type). */
  public static Builder builder(Type type) {
    return new Builder(type);
  }

  /** The value's type. */
  public Type type() {
    return type;
  }

  /** Tags the entry is stored under. */
  public List<String> tags() {
    return tags;
  }

  /** The TTL; empty: {@code hermes.ttl}. */
  public Optional<Duration> ttl() {
    return Optional.ofNullable(ttl);
  }

  /** The name the calls' statistics go under ({@code programmatic} unless chosen); never a key. */
  public String statsGroup() {
    return statsGroup;
  }

  /** See {@link HermesCached#staleFor()}; empty: {@code hermes.fail-safe.max-stale}. */
  public Optional<Duration> staleFor() {
    return Optional.ofNullable(staleFor);
  }

  /** See {@link HermesCached#softTimeout()}; empty: {@code hermes.timeout.soft}. */
  public Optional<Duration> softTimeout() {
    return Optional.ofNullable(softTimeout);
  }

  /** See {@link HermesCached#hardTimeout()}; empty: {@code hermes.timeout.hard}. */
  public Optional<Duration> hardTimeout() {
    return Optional.ofNullable(hardTimeout);
  }

  /** See {@link HermesCached#refreshAhead()}; empty: {@code hermes.refresh-ahead}. */
  public OptionalDouble refreshAhead() {
    return refreshAhead == null ? OptionalDouble.empty() : OptionalDouble.of(refreshAhead);
  }

  @Override
  public String toString() {
    return "CacheOptions[type=" + type.getTypeName() + ", tags=" + tags + ", ttl=" + ttl + ", statsGroup="
        + statsGroup + ", staleFor=" + staleFor + ", softTimeout=" + softTimeout + ", hardTimeout=" + hardTimeout
        + ", refreshAhead=" + refreshAhead + "]";
  }

  /** Builds {@link CacheOptions}; each setter validates its value at once (the error names it). */
  public static final class Builder {

    private final Type type;
    private List<String> tags = List.of();
    private Duration ttl;
    private String statsGroup = "programmatic";
    private Duration staleFor;
    private Duration softTimeout;
    private Duration hardTimeout;
    private Double refreshAhead;

    private Builder(Type type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    /** Tags the entry is stored under; {@link Hermes#clean(String...)} on any of them drops it. */
    public Builder tags(String... tags) {
      return tags(Arrays.asList(tags));
    }

    public Builder tags(Collection<String> tags) {
      List<String> copy = List.copyOf(tags);
      for (String tag : copy) {
        if (tag.isEmpty()) {
          throw new IllegalArgumentException("A tag must not be null or empty");
        }
      }
      this.tags = copy;
      return this;
    }

    /** Time to live; positive. */
    public Builder ttl(Duration ttl) {
      this.ttl = SettingChecks.positive("ttl", ttl);
      return this;
    }

    /**
     * The name the statistics of these calls go under (and their meters' {@code cache} tag): a fixed name
     * per kind of value, never something that varies with the key.
     */
    public Builder statsGroup(String name) {
      if (name == null || name.isBlank()) {
        throw HermesConfigurationException.badValue("statsGroup", String.valueOf(name), "must not be empty");
      }
      this.statsGroup = name;
      return this;
    }

    /** Fail-safe: serve the value up to this long after its expiry when the loader fails; zero: never. */
    public Builder staleFor(Duration staleFor) {
      this.staleFor = new ResilienceOverrides(Objects.requireNonNull(staleFor, "staleFor"), null, null, null).staleFor();
      return this;
    }

    /** With a stale value at hand, how long a caller waits for the loader before taking the stale value. */
    public Builder softTimeout(Duration timeout) {
      this.softTimeout = ResilienceOverrides.positive("softTimeout", Objects.requireNonNull(timeout, "softTimeout"));
      return this;
    }

    /** How long a caller waits for the loader before {@link HermesTimeoutException}. */
    public Builder hardTimeout(Duration timeout) {
      this.hardTimeout = ResilienceOverrides.positive("hardTimeout", Objects.requireNonNull(timeout, "hardTimeout"));
      return this;
    }

    /** The fraction of the TTL after which the value is recomputed in the background; zero: never. */
    public Builder refreshAhead(double fraction) {
      this.refreshAhead = ResilienceOverrides.refreshAhead("refreshAhead", fraction);
      return this;
    }

    public CacheOptions build() {
      return new CacheOptions(this);
    }
  }
}
