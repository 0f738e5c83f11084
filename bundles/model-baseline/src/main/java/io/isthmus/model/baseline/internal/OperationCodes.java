package io.isthmus.model.baseline.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interns operation and protocol names to small codes, so a device's baseline stores a
 * {@code short} per operation instead of a string. Shared by all devices and threads.
 */
final class OperationCodes {
  /** More distinct names than this and the table stops growing: every further name maps to {@link #OTHER}. */
  static final int MAX = 30_000;
  static final short OTHER = 0;

  private final ConcurrentHashMap<String, Short> codes = new ConcurrentHashMap<>();
  private final List<String> names = new ArrayList<>(List.of("OTHER"));

  OperationCodes() {
    codes.put("OTHER", OTHER);
  }

  short code(String name) {
    Short code = codes.get(name);
    if (code != null) {
      return code;
    }
    synchronized (names) {
      code = codes.get(name);
      if (code == null) {
        if (names.size() >= MAX) {
          return OTHER;
        }
        code = (short) names.size();
        names.add(name);
        codes.put(name, code);
      }
      return code;
    }
  }

  String name(short code) {
    synchronized (names) {
      return code >= 0 && code < names.size() ? names.get(code) : "OTHER";
    }
  }

  /** All names, index = code. */
  List<String> snapshot() {
    synchronized (names) {
      return List.copyOf(names);
    }
  }
}
