package io.hermescache.internal;

import io.hermescache.HermesConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code hermes.serialiser.allow} list of the Java serialiser, checked at start-up: only explicit packages
 * ({@code com.acme.model.*}) and classes ({@code com.acme.model.Order}), nothing under the packages that hold
 * deserialisation gadgets. Module-wide ({@code java.base/*}), recursive ({@code java.**}) and prefix
 * ({@code c*}) patterns are refused because one of them admits whole families of classes nobody reviewed.
 */
final class JavaAllowList {

  static final String KEY = "hermes.serialiser.allow";

  private static final Pattern PACKAGE_OR_CLASS =
      Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*(\\.\\*)?");

  /** Packages (and their subpackages) that hold the classes of known gadget chains, or reach the JVM itself. */
  private static final List<String> REFUSED_PACKAGES = List.of("java.security", "javax.management", "java.rmi",
      "javax.naming", "java.lang.reflect", "java.lang.invoke", "javax.script", "javax.xml.transform", "java.beans",
      "sun", "com.sun", "jdk", "org.apache.commons.collections", "org.apache.commons.collections4",
      "org.apache.commons.beanutils", "org.apache.xalan", "org.codehaus.groovy", "org.springframework", "com.mchange",
      "org.hibernate", "bsh", "org.python", "clojure");

  /**
   * Classes that start known gadget chains (ysoserial's URLDNS, CommonsCollections2/4, CommonsBeanutils1)
   * from inside packages applications do allow, such as {@code java.util.*}; refused even
   * when their package is allowed.
   */
  static final List<String> GADGET_ENTRY_POINTS = List.of("java.net.URL", "java.net.InetAddress",
      "java.util.PriorityQueue", "java.util.concurrent.PriorityBlockingQueue",
      "java.lang.Runtime", "java.lang.ProcessBuilder", "java.lang.Class", "java.lang.ClassLoader", "java.lang.Thread");

  private JavaAllowList() {}

  /** The patterns of {@code allowList}, each checked; a {@link HermesConfigurationException} names the first bad one. */
  static List<String> patterns(String allowList) {
    String text = allowList == null ? "" : allowList.trim();
    List<String> patterns = new ArrayList<>();
    for (String item : text.split(";")) {
      String pattern = item.trim();
      if (!pattern.isEmpty()) {
        patterns.add(check(allowList, pattern));
      }
    }
    if (patterns.isEmpty()) {
      throw bad(allowList, "must list the classes or packages that may be read, e.g. java.lang.*;java.util.*;com.acme.model.*");
    }
    return patterns;
  }

  private static String check(String allowList, String pattern) {
    if (!PACKAGE_OR_CLASS.matcher(pattern).matches()) {
      throw bad(allowList, "'" + pattern + "' is not a package (com.acme.model.*) or a class (com.acme.model.Order);"
          + " '*' alone, '!', module patterns (java.base/*), subpackage patterns (java.**) and prefixes (c*) are refused");
    }
    String name = pattern.endsWith(".*") ? pattern.substring(0, pattern.length() - 2) : pattern;
    for (String refused : REFUSED_PACKAGES) {
      if (name.equals(refused) || name.startsWith(refused + ".")) {
        throw bad(allowList, "'" + pattern + "' is under " + refused + ", whose classes serve deserialisation attacks");
      }
    }
    if (GADGET_ENTRY_POINTS.contains(name)) {
      throw bad(allowList, "'" + pattern + "' starts known deserialisation gadget chains");
    }
    return pattern;
  }

  private static HermesConfigurationException bad(String allowList, String why) {
    return HermesConfigurationException.badValue(KEY, String.valueOf(allowList), why);
  }
}
