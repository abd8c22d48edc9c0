package io.hermescache.quarkus.deployment;

import io.hermescache.HermesCached;
import io.hermescache.HermesConfigurationException;
import io.hermescache.HermesInvalidate;
import io.hermescache.internal.plan.BeanPlans;
import io.hermescache.internal.plan.CachedMethodPlan;
import io.hermescache.cdi.interceptors.CachedInterceptor;
import io.hermescache.cdi.interceptors.HermesRuntime;
import io.hermescache.cdi.interceptors.InvalidateInterceptor;
import io.hermescache.cdi.interceptors.ReturnTypeSupport;
import io.hermescache.cdi.interceptors.ReturnTypes;
import io.hermescache.quarkus.runtime.ArcInstanceClasses;
import io.hermescache.quarkus.runtime.HermesBuildTimeConfig;
import io.hermescache.quarkus.runtime.HermesRecorder;
import io.hermescache.quarkus.runtime.QuarkusPlannedBeans;
import io.hermescache.quarkus.runtime.QuarkusSettings;
import io.hermescache.quarkus.runtime.WorkerPoolExecutor;
import io.hermescache.spi.BackendProvider;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanContainerBuildItem;
import io.quarkus.arc.deployment.ExcludedTypeBuildItem;
import io.quarkus.arc.deployment.InterceptorBindingRegistrarBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.arc.processor.InterceptorBindingRegistrar;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveHierarchyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ServiceProviderBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;
import io.smallrye.mutiny.Multi;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * The build steps of the Hermes extension: what hermes-cdi's portable extension does while a CDI
 * container deploys, done once at build time. A mistake in a {@code @HermesCached} or
 * {@code @HermesInvalidate} annotation fails the build with the message hermes-cdi would give.
 */
class HermesProcessor {

  private static final String FEATURE = "hermes";
  private static final DotName CACHED = DotName.createSimple(HermesCached.class);
  private static final DotName INVALIDATE = DotName.createSimple(HermesInvalidate.class);
  // by name: loading these classes needs MicroProfile Health or Micrometer, which the build may not have
  private static final String READINESS_CHECK = "io.hermescache.health.HermesReadinessCheck";
  private static final String CDI_METER_BINDING = "io.hermescache.micrometer.MeterRegistryBinding";
  private static final String STARTUP_METER_BINDING = "io.hermescache.quarkus.runtime.StartupMeterBinding";

  @BuildStep
  FeatureBuildItem feature() {
    return new FeatureBuildItem(FEATURE);
  }

  /**
   * The annotations live in hermes-core, which knows nothing of CDI: make them interceptor bindings here,
   * every member non-binding, so that one interceptor serves all their values.
   */
  @BuildStep
  InterceptorBindingRegistrarBuildItem bindings() {
    return new InterceptorBindingRegistrarBuildItem(new InterceptorBindingRegistrar() {
      @Override
      public List<InterceptorBinding> getAdditionalBindings() {
        return List.of(InterceptorBinding.of(HermesCached.class, member -> true),
            InterceptorBinding.of(HermesInvalidate.class, member -> true));
      }
    });
  }

  /** The annotations are not in a bean archive; ArC must still see their declarations. */
  @BuildStep
  AdditionalIndexedClassesBuildItem indexAnnotations() {
    return new AdditionalIndexedClassesBuildItem(HermesCached.class.getName(), HermesInvalidate.class.getName());
  }

  @BuildStep
  AdditionalBeanBuildItem beans() {
    // the runtime is reached from the interceptors and the recorder only, never injected by the application
    return AdditionalBeanBuildItem.builder()
        .addBeanClasses(HermesRuntime.class, CachedInterceptor.class, InvalidateInterceptor.class,
            QuarkusPlannedBeans.class, WorkerPoolExecutor.class, ArcInstanceClasses.class, QuarkusSettings.class)
        .setUnremovable()
        .build();
  }

  /** {@code rediss://} needs SSL in a native image. */
  @BuildStep
  ExtensionSslNativeSupportBuildItem ssl() {
    return new ExtensionSslNativeSupportBuildItem(FEATURE);
  }

  /** Backends and return-type supports are found with ServiceLoader; a native image has to be told. */
  @BuildStep
  void serviceProviders(BuildProducer<ServiceProviderBuildItem> providers) {
    providers.produce(ServiceProviderBuildItem.allProvidersFromClassPath(BackendProvider.class.getName()));
    providers.produce(ServiceProviderBuildItem.allProvidersFromClassPath(ReturnTypeSupport.class.getName()));
  }

  /**
   * {@code keyGenerator} and {@code ttlPolicy} beans are looked up by the runtime, never injected: keep
   * them, or ArC would remove them as unused and the runtime would construct a bare instance instead.
   */
  @BuildStep
  UnremovableBeanBuildItem keepKeyGeneratorsAndTtlPolicies(CombinedIndexBuildItem index) {
    Set<DotName> types = new TreeSet<>();
    for (AnnotationInstance cached : index.getIndex().getAnnotations(CACHED)) {
      for (String member : List.of("keyGenerator", "ttlPolicy")) {
        if (cached.value(member) != null) {
          types.add(cached.value(member).asClass().name());
        }
      }
    }
    return UnremovableBeanBuildItem.beanTypes(types);
  }

  /**
   * Plans every annotated method of every class bean, exactly as hermes-cdi does at deployment, and turns
   * each problem into a build error naming the class, the method and what is wrong. Methods count when
   * annotated themselves, through their class, or inherited from an annotated superclass.
   */
  @BuildStep
  ValidatedBeansBuildItem validate(ValidationPhaseBuildItem validation, CombinedIndexBuildItem combinedIndex,
      BuildProducer<ValidationErrorBuildItem> errors, BuildProducer<ReflectiveHierarchyBuildItem> reflection) {
    IndexView index = combinedIndex.getIndex();
    Set<DotName> annotated = annotatedClasses(index);
    List<String> validated = new ArrayList<>();
    List<Throwable> problems = new ArrayList<>();
    BuildTimeInstances instances = new BuildTimeInstances(validation);
    Set<BeanInfo> live = validation.getContext().beans().classBeans().collect(Collectors.toSet());
    List<BeanInfo> beans = new ArrayList<>(live);
    // beans ArC removed as unused are checked too: a mistake must not wait until the bean is first injected
    validation.getContext().removedBeans().classBeans().forEach(beans::add);
    for (BeanInfo bean : beans) {
      if (bean.isInterceptor() || !inheritsAnnotations(bean.getImplClazz(), annotated, index)) {
        continue;
      }
      Class<?> beanClass = load(bean.getBeanClass().toString());
      BeanPlans plans = BeanPlans.of(beanClass, instances);
      problems.addAll(plans.problems());
      plans.cached().forEach((method, plan) -> {
        checkReturnType(plan).ifPresent(problems::add);
        registerForReflection(plan, reflection);
      });
      if (live.contains(bean)) {
        validated.add(beanClass.getName());
      }
    }
    if (!problems.isEmpty()) {
      errors.produce(new ValidationErrorBuildItem(problems));
    }
    return new ValidatedBeansBuildItem(validated);
  }

  /** Builds the engine from the run-time configuration at startup and plans the validated beans' methods. */
  @BuildStep
  @Record(ExecutionTime.RUNTIME_INIT)
  void start(HermesRecorder recorder, BeanContainerBuildItem beanContainer, ValidatedBeansBuildItem validated) {
    recorder.start(beanContainer.getValue(), validated.beanClasses());
  }

  /**
   * hermes-health's readiness check {@code hermes}, when quarkus-smallrye-health is present and
   * {@code hermes.health.enabled} is not false; otherwise kept out, although its jar is a bean archive.
   */
  @BuildStep
  void health(Capabilities capabilities, HermesBuildTimeConfig config, BuildProducer<HealthBuildItem> health,
      BuildProducer<ExcludedTypeBuildItem> excluded) {
    if (capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
      health.produce(new HealthBuildItem(READINESS_CHECK, config.health().enabled()));
    }
    if (!capabilities.isPresent(Capability.SMALLRYE_HEALTH) || !config.health().enabled()) {
      excluded.produce(new ExcludedTypeBuildItem(READINESS_CHECK));
    }
  }

  /**
   * hermes-micrometer's meters, bound at start-up when quarkus-micrometer is present. Its CDI binding for
   * other containers is kept out: Quarkus binds at its own start-up event, once the methods are planned.
   */
  @BuildStep
  void metrics(Optional<MetricsCapabilityBuildItem> metrics, BuildProducer<AdditionalBeanBuildItem> beans,
      BuildProducer<ExcludedTypeBuildItem> excluded) {
    excluded.produce(new ExcludedTypeBuildItem(CDI_METER_BINDING));
    if (metrics.isPresent() && metrics.get().metricsSupported(MetricsFactory.MICROMETER)) {
      beans.produce(AdditionalBeanBuildItem.builder().addBeanClass(STARTUP_METER_BINDING).setUnremovable().build());
    }
  }

  /** Classes carrying either annotation on a method or on the class itself. */
  private static Set<DotName> annotatedClasses(IndexView index) {
    Set<DotName> classes = new LinkedHashSet<>();
    for (DotName annotation : List.of(CACHED, INVALIDATE)) {
      for (AnnotationInstance instance : index.getAnnotations(annotation)) {
        AnnotationTarget target = instance.target();
        if (target.kind() == AnnotationTarget.Kind.METHOD) {
          classes.add(target.asMethod().declaringClass().name());
        } else if (target.kind() == AnnotationTarget.Kind.CLASS) {
          classes.add(target.asClass().name());
        }
      }
    }
    return classes;
  }

  private static boolean inheritsAnnotations(ClassInfo type, Set<DotName> annotated, IndexView index) {
    for (ClassInfo current = type; current != null; current = current.superName() == null ? null
        : index.getClassByName(current.superName())) {
      if (annotated.contains(current.name())) {
        return true;
      }
    }
    return false;
  }

  /**
   * What the core cannot know: a Mutiny {@code Multi} is a stream, not a value; there is nothing to
   * cache but each element, which is not what {@code @HermesCached} promises.
   */
  private static Optional<HermesConfigurationException> checkReturnType(CachedMethodPlan plan) {
    if (Multi.class.isAssignableFrom(plan.method().getReturnType())) {
      return Optional.of(plan.problem("the method returns a Multi, a stream of items; cache a Uni<List<T>>"
          + " instead, or the method that produces each item"));
    }
    return Optional.empty();
  }

  /**
   * A native image reads and writes cached values by reflection (JSON-B): register the value type, its
   * type arguments and what they hold, e.g. {@code User} of {@code Uni<List<User>>}.
   */
  private static void registerForReflection(CachedMethodPlan plan, BuildProducer<ReflectiveHierarchyBuildItem> reflection) {
    Set<Class<?>> classes = new LinkedHashSet<>();
    collectClasses(ReturnTypes.of(plan.method().getReturnType()).valueType(plan), classes);
    for (Class<?> type : classes) {
      if (!type.isPrimitive() && !type.getName().startsWith("java.")) {
        reflection.produce(ReflectiveHierarchyBuildItem.builder(ClassType.create(DotName.createSimple(type)))
            .source(plan.toString()).build());
      }
    }
  }

  private static void collectClasses(Type type, Set<Class<?>> classes) {
    if (type instanceof Class<?>) {
      Class<?> raw = (Class<?>) type;
      classes.add(raw.isArray() ? raw.getComponentType() : raw);
    } else if (type instanceof ParameterizedType) {
      collectClasses(((ParameterizedType) type).getRawType(), classes);
      for (Type argument : ((ParameterizedType) type).getActualTypeArguments()) {
        collectClasses(argument, classes);
      }
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Bean class " + name + " is in the index but cannot be loaded", e);
    }
  }
}
