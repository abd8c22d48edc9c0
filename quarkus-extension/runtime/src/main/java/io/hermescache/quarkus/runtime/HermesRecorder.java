package io.hermescache.quarkus.runtime;

import io.quarkus.arc.runtime.BeanContainer;
import io.quarkus.runtime.annotations.Recorder;
import java.util.List;

/** Carries what the build found into the starting application. Not part of the API. */
@Recorder
public class HermesRecorder {

  /**
   * Builds the engine from the run-time configuration and plans the annotated methods of
   * {@code beanClasses}, while the application starts: a bad {@code hermes.*} value stops it then, naming
   * the key and the value, rather than failing the first call.
   *
   * @param beanClasses the bean classes the build validated, by name
   */
  public void start(BeanContainer beans, List<String> beanClasses) {
    beans.beanInstance(HermesRuntime.class).plan(beanClasses);
  }
}
