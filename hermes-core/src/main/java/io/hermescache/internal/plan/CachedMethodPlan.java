package io.hermescache.internal.plan;

import io.hermescache.HermesCached;
import io.hermescache.HermesConfigurationException;
import io.hermescache.HermesException;
import io.hermescache.KeyGenerator;
import io.hermescache.TtlPolicy;
import io.hermescache.internal.ArgumentHash;
import io.hermescache.internal.ResilienceOverrides;
import io.hermescache.internal.Types;
import io.hermescache.spi.Settings;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything a {@link HermesCached} method's calls share, worked out once at deployment: how to render
 * the key and tags from the arguments, the TTL, the generic return type the value is read back as, and
 * the name its statistics go under. Building a plan validates the annotation; a call does no reflection.
 */
public final class CachedMethodPlan {

  /** What a key template's entry key starts with when its text could pass for a default key; see {@link #textKey}. */
  static final String TEXT_KEY_MARK = "=";
  /** Length of the argument hash that ends a default key (base64url of 128 bits). */
  private static final int HASH_LENGTH = 22;

  private final InterceptedMethod site;
  private final String name;
  private final Function<Object[], String> keys;
  /** Default keys of parameters compared exactly by {@code equals}: calls are told apart by their arguments. */
  private final boolean argumentTuples;
  private final List<Template> tags;
  private final Function<Object, Duration> fixedTtl;
  private final Supplier<? extends TtlPolicy> ttlPolicy;
  private final ResilienceOverrides resilience;

  private CachedMethodPlan(InterceptedMethod site, HermesCached cached, Function<Object[], String> keys,
      List<Template> tags,
      Function<Object, Duration> fixedTtl, Supplier<? extends TtlPolicy> ttlPolicy, ResilienceOverrides resilience) {
    this.resilience = resilience;
    this.site = site;
    this.name = site.beanClass.getName() + "." + site.method.getName();
    this.keys = keys;
    this.argumentTuples = cached.keyGenerator() == KeyGenerator.class && cached.key().isEmpty()
        && ArgumentTuple.exact(site.method.getParameterTypes());
    this.tags = tags;
    this.fixedTtl = fixedTtl;
    this.ttlPolicy = ttlPolicy;
  }

  /**
   * The plan of {@code method} called on beans of {@code beanClass}, as {@code cached} says.
   *
   * @param instances where {@code keyGenerator} and {@code ttlPolicy} instances come from
   * @throws io.hermescache.HermesConfigurationException naming the class, the method and the problem
   */
  public static CachedMethodPlan of(Class<?> beanClass, Method method, HermesCached cached, Instances instances) {
    return of(beanClass, method, cached, instances, MethodConfiguration.microProfile());
  }

  /**
   * {@link #of(Class, Method, HermesCached, Instances)} with the per-method overrides of {@code configuration}
   * ({@code <class>/<method>/HermesCached/<member>}) rather than MicroProfile Config's.
   */
  public static CachedMethodPlan of(Class<?> beanClass, Method method, HermesCached cached, Instances instances,
      Settings configuration) {
    InterceptedMethod site = new InterceptedMethod(beanClass, method, HermesCached.class);
    site.checkInterceptable();
    Class<?> returned = method.getReturnType();
    if (returned == void.class) {
      throw site.problem("the method returns void, so there is nothing to cache");
    }
    if (CompletionStage.class.isAssignableFrom(returned) && returned != CompletionStage.class
        && returned != CompletableFuture.class) {
      throw site.problem("the method returns a " + returned.getName() + "; an asynchronous method must return"
          + " CompletionStage or CompletableFuture, whose completed value is cached");
    }
    Type valueType = CompletionStage.class.isAssignableFrom(returned) ? Generics.typeArgument(site.returnType, 0)
        : site.returnType;
    valueType = ValueTypes.itemType(valueType);
    String unreadable = ValueTypes.whyNotReadBack(valueType);
    if (unreadable != null) {
      throw site.problem("values of " + valueType.getTypeName() + " would not come back equal from the cache: "
          + unreadable + ". Return a record, a class with getters and setters, or annotate the abstract type with"
          + " @JsonbTypeInfo");
    }
    MemberValues members = new MemberValues(site, cached, new MethodConfiguration(configuration, beanClass, method));
    Function<Object, Duration> fixedTtl = null;
    Duration ttl = members.ttl();
    if (ttl != null) {
      fixedTtl = value -> ttl;
    }
    Supplier<? extends TtlPolicy> ttlPolicy = cached.ttlPolicy() == TtlPolicy.class ? null
        : instance(site, "ttlPolicy", cached.ttlPolicy(), instances);
    return new CachedMethodPlan(site, cached, keys(site, cached, instances), site.templates("tags", cached.tags()),
        fixedTtl,
        ttlPolicy, members.resilience());
  }

  private static Function<Object[], String> keys(InterceptedMethod site, HermesCached cached, Instances instances) {
    Method method = site.method;
    if (cached.keyGenerator() != KeyGenerator.class) {
      if (!cached.key().isEmpty()) {
        throw site.problem("both key and keyGenerator are given; keep one");
      }
      Supplier<? extends KeyGenerator> generator = instance(site, "keyGenerator", cached.keyGenerator(), instances);
      return arguments -> {
        String key = generator.get().key(method, arguments);
        if (key == null || key.isEmpty()) {
          throw new HermesException(cached.keyGenerator().getName() + " returned no key for " + site.describe());
        }
        return textKey(key);
      };
    }
    if (!cached.key().isEmpty()) {
      Template template = site.template("key", cached.key());
      return arguments -> textKey(template.render(arguments));
    }
    checkParametersKeyable(site);
    // the bean class, never a proxy subclass; for an inherited method not the declaring class either, since
    // the method may behave differently per bean (e.g. Repo<T>.find calling an overridden entityClass())
    String head = site.beanClass.getName() + ":" + method.getName() + ":";
    ArgumentHash hash = ArgumentHash.forParameters(method.getParameterTypes());
    return arguments -> head + hash.hash(arguments);
  }

  /**
   * The entry key of a rendered key template or a generated key: the text itself, unless it could be read as
   * a default key ({@code {class}:{method}:{22-character hash}}) or starts with {@value #TEXT_KEY_MARK}; then
   * {@value #TEXT_KEY_MARK} and the text. No class name starts with {@value #TEXT_KEY_MARK}, so whatever an
   * argument renders cannot name another method's default-keyed entry; and the mapping stays injective, so
   * two texts never share an entry. Ordinary keys ({@code avg:1:2}) stay as written, reachable by
   * {@code hermes.invalidate("avg:1:2")}.
   */
  public static String textKey(String rendered) {
    return rendered.startsWith(TEXT_KEY_MARK) || hasDefaultKeyShape(rendered) ? TEXT_KEY_MARK + rendered : rendered;
  }

  private static boolean hasDefaultKeyShape(String text) {
    int first = text.indexOf(':');
    int second = first < 0 ? -1 : text.indexOf(':', first + 1);
    if (second < 0 || text.indexOf(':', second + 1) >= 0 || text.length() - second - 1 != HASH_LENGTH) {
      return false;
    }
    for (int i = second + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static void checkParametersKeyable(InterceptedMethod site) {
    Parameter[] parameters = site.method.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      String why = KeyTypes.whyNotKeyable(site.parameterTypes[i]);
      if (why != null) {
        String name = parameters[i].isNamePresent() ? " '" + parameters[i].getName() + "'" : "";
        throw site.problem("parameter " + i + name + " of type " + site.parameterTypes[i].getTypeName()
            + " cannot be keyed: " + why + ". Distinct arguments could share one cache entry; give the method a key"
            + " template (key = \"...\"), a keyGenerator, or make the parameter a record");
      }
    }
  }

  private static <T> Supplier<T> instance(InterceptedMethod site, String member, Class<T> type, Instances instances) {
    try {
      return instances.of(type);
    } catch (IllegalArgumentException e) {
      throw site.problem(member + " = " + type.getName() + ": " + e.getMessage());
    }
  }

  /**
   * The resilience options the annotation and the per-method configuration chose ({@code null} members: the
   * configured defaults); pass them to {@code HermesEngine.keySpace}.
   */
  public ResilienceOverrides resilience() {
    return resilience;
  }

  /** The method as declared (possibly in a superclass of the bean class). */
  public Method method() {
    return site.method;
  }

  /** Where statistics go: {@code fully.qualified.BeanClass.method}. */
  public String name() {
    return name;
  }

  /**
   * The method's generic return type as seen from the bean class (type variables resolved). Integrations
   * whose asynchronous types the core does not know (Mutiny's {@code Uni<T>}) take the value type from it.
   */
  public Type returnType() {
    return site.returnType;
  }

  /**
   * The type of the cached value, as seen from the bean class (type variables resolved): the return type,
   * or {@code T} of a {@code CompletionStage<T>}.
   */
  public Type valueType() {
    return async() ? Generics.typeArgument(site.returnType, 0) : site.returnType;
  }

  /** Whether the method returns a {@code CompletionStage} whose completed value is what is cached. */
  public boolean async() {
    return CompletionStage.class.isAssignableFrom(site.method.getReturnType());
  }

  /** What the method returns when its body is skipped (invalidation): zero or false for primitives, else null. */
  public Object skippedValue() {
    return Types.defaultValue(site.method.getReturnType());
  }

  /** The entry key of a call, without {@code {prefix}:entry:}. */
  public String key(Object[] arguments) {
    return keys.apply(arguments);
  }

  /**
   * What the engine keeps a call's hit under in this JVM's memory: a {@link io.hermescache.internal.LocalKey}
   * of the arguments where {@code equals} tells calls apart exactly (no key is rendered on such a hit), else
   * the {@link #key} itself.
   */
  public Object localKey(Object[] arguments) {
    return argumentTuples ? new ArgumentTuple(this, arguments.clone()) : key(arguments);
  }

  /** The rendered tags of a call. */
  public List<String> tags(Object[] arguments) {
    return InterceptedMethod.renderAll(tags, arguments);
  }

  /**
   * How long the value of a call lives: the policy's verdict on the value, else the annotation's TTL, else
   * {@code configured}. Zero means "do not store".
   */
  public Function<Object, Duration> ttl(Object[] arguments, Function<Object, Duration> configured) {
    if (ttlPolicy == null) {
      return fixedTtl != null ? fixedTtl : configured;
    }
    return value -> {
      Duration ttl = ttlPolicy.get().ttl(value, site.method, arguments);
      if (ttl == null || ttl.isNegative()) {
        throw new HermesException(ttlPolicy.get().getClass().getName() + " returned TTL " + ttl + " for "
            + site.describe() + "; return a positive duration, or zero not to cache the value");
      }
      return ttl;
    };
  }

  /**
   * The deployment error for {@code problem} of this method, for checks an integration adds (types the
   * core does not know): {@code @HermesCached on com.example.Repo.find(long): problem}.
   */
  public HermesConfigurationException problem(String problem) {
    return site.problem(problem);
  }

  @Override
  public String toString() {
    return "@HermesCached " + site.describe();
  }
}
