package io.isthmus.model.counting.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the model knows of one device. Written only by the pipeline worker that owns the device;
 * the set is concurrent so that an export while events flow reads a consistent-enough copy.
 */
final class DeviceCounts {
  long events;
  final Set<String> operations = ConcurrentHashMap.newKeySet();
}
