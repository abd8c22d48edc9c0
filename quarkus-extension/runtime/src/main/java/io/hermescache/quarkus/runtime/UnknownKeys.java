package io.hermescache.quarkus.runtime;

import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Reports {@code hermes.*} keys no Hermes mapping declares, as Quarkus does for {@code quarkus.*}: a
 * warning naming the closest known key, and the application starts. The known keys are read from the
 * mappings themselves, so that a key declared there is known here.
 */
final class UnknownKeys {

  private static final Logger LOG = Logger.getLogger(UnknownKeys.class);

  private UnknownKeys() {}

  /** Warns once for each key of {@code configured} (names without {@code hermes.}) that no mapping declares. */
  static void warn(Collection<String> configured) {
    Set<String> known = known();
    for (String key : new TreeSet<>(configured)) {
      if (!known.contains(key) && !passedToBackend(key)) {
        String closest = closest(key, known);
        LOG.warnf("Unrecognized configuration key \"hermes.%s\" was provided; it will be ignored%s", key,
            closest == null ? "" : "; did you mean \"hermes." + closest + "\"?");
      }
    }
  }

  /** The keys of the Hermes mappings, without {@code hermes.}. */
  static Set<String> known() {
    Set<String> names = new TreeSet<>();
    collect(HermesConfig.class, "", names);
    collect(HermesBuildTimeConfig.class, "", names);
    return names;
  }

  /** A backend may read keys of its own beyond those declared (they reach it as written). */
  private static boolean passedToBackend(String key) {
    return key.startsWith("redis.") || key.startsWith("memcached.") || key.startsWith("inprocess.");
  }

  private static void collect(Class<?> group, String prefix, Set<String> names) {
    for (Method member : group.getMethods()) {
      if (member.isAnnotationPresent(WithParentName.class) || member.getParameterCount() > 0) {
        continue;
      }
      WithName named = member.getAnnotation(WithName.class);
      String name = prefix + (named != null ? named.value() : kebab(member.getName()));
      Type type = member.getGenericReturnType();
      if (type instanceof ParameterizedType && ((ParameterizedType) type).getRawType() == Optional.class) {
        type = ((ParameterizedType) type).getActualTypeArguments()[0];
      }
      if (type instanceof Class<?> && ((Class<?>) type).isInterface() && ((Class<?>) type).getName().startsWith("io.hermescache")
          && member.getReturnType() != Map.class) {
        collect((Class<?>) type, name + ".", names);
      } else {
        names.add(name);
      }
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** The known key nearest to {@code key} by edits, if near enough to be a likely misspelling. */
  static String closest(String key, Set<String> known) {
    return known.stream().min(Comparator.comparingInt(candidate -> distance(key, candidate)))
        .filter(candidate -> distance(key, candidate) <= Math.max(2, key.length() / 3)).orElse(null);
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
