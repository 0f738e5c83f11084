package io.isthmus.launcher;

import org.slf4j.LoggerFactory;

/**
 * SLF4J is on the launcher's class path and exported to the framework as system packages, so
 * every bundle logs through one provider without an OSGi ServiceLoader mediator (SPI Fly), whose
 * byte-code weaving of every consumer bundle cost seconds at startup. Each package is exported
 * at 2.x and again at 1.7.36: SLF4J 2 keeps the 1.7 API for callers, and many bundles (Felix
 * Web Console, Pax Exam) still import {@code [1.7,2)}.
 */
final class Slf4jPackages {
  private Slf4jPackages() {}

  static String exports() {
    String implementation = LoggerFactory.class.getPackage().getImplementationVersion();
    String v = implementation == null ? "2.0.0" : implementation;
    StringBuilder out = new StringBuilder();
    for (String version : new String[] {v, "1.7.36"}) {
      for (String pkg : new String[] {"org.slf4j", "org.slf4j.event", "org.slf4j.helpers", "org.slf4j.spi"}) {
        if (out.length() > 0) {
          out.append(',');
        }
        out.append(pkg).append(";version=\"").append(version).append('"');
      }
    }
    return out.toString();
  }
}
