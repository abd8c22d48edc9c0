package io.hermescache.quarkus.deployment;

import io.quarkus.builder.item.SimpleBuildItem;
import java.util.List;

/** The bean classes whose annotated methods the build validated: the runtime plans these at startup. */
public final class ValidatedBeansBuildItem extends SimpleBuildItem {

  private final List<String> beanClasses;

  ValidatedBeansBuildItem(List<String> beanClasses) {
    this.beanClasses = List.copyOf(beanClasses);
  }

  /** Fully qualified names. */
  public List<String> beanClasses() {
    return beanClasses;
  }
}
