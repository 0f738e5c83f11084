package io.isthmus.protocol.enip.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Validated port sets from configuration. */
final class Ports {
  private Ports() {}

  static Set<Integer> of(int[] ports, String what) {
    for (int port : ports) {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException(EnipConfig.PID + ": " + what + " port " + port + " is out of range");
      }
    }
    return Arrays.stream(ports).boxed().collect(Collectors.toUnmodifiableSet());
  }
}
