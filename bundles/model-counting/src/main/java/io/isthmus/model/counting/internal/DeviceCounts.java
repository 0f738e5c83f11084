package io.isthmus.model.counting.internal;

import java.util.HashSet;
import java.util.Set;

/** What the model knows of one device. Touched only by the pipeline worker that owns the device. */
final class DeviceCounts {
  long events;
  final Set<String> operations = new HashSet<>();
}
