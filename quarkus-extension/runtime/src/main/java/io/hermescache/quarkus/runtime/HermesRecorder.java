package io.hermescache.quarkus.runtime;

import io.hermescache.cdi.interceptors.HermesRuntime;
import io.quarkus.arc.runtime.BeanContainer;
import io.quarkus.runtime.annotations.Recorder;
import io.smallrye.config.SmallRyeConfig;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** Carries what the build found into the starting application. Not part of the API. */
@Recorder
public class HermesRecorder {

  /**
   * Reports unknown {@code hermes.*} keys, plans the annotated methods of {@code beanClasses} and builds the
   * engine from the run-time configuration, while the application starts: a bad {@code hermes.*} value
   * stops it then, naming the key and the value, rather than failing the first call.
   *
   * @param beanClasses the bean classes the build validated, by name
   */
  public void start(BeanContainer beans, List<String> beanClasses) {
    HermesConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(HermesConfig.class);
    UnknownKeys.warn(config.all().keySet());
    beans.beanInstance(QuarkusPlannedBeans.class).plan(beanClasses);
    beans.beanInstance(HermesRuntime.class).hermes();
  }
}
