package io.isthmus.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HealthServiceTest {

  @Test
  void componentFailureReasonIsTheRootCause() {
    String trace = """
        java.lang.reflect.InvocationTargetException
        \tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)
        \tat org.apache.felix.scr.impl.inject.internal.ComponentConstructorImpl.newInstance(ComponentConstructorImpl.java:326)
        Caused by: java.lang.IllegalStateException: fixture component refuses to start
        \tat io.isthmus.launcher.fixture.ThrowingComponent.<init>(ThrowingComponent.java:6)
        """;
    assertEquals("java.lang.IllegalStateException: fixture component refuses to start", HealthService.rootCause(trace));
  }

  @Test
  void failureWithoutCauseIsItsFirstLine() {
    assertEquals("java.lang.IllegalArgumentException: bad", HealthService.rootCause("\njava.lang.IllegalArgumentException: bad\n\tat x.y(Z.java:1)"));
  }
}
