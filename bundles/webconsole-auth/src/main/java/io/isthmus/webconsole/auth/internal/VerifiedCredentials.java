package io.isthmus.webconsole.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Remembers recently verified Authorization headers (by their SHA-256) for a few minutes, so a
 * deliberately slow password hash is computed once per session rather than once per request.
 */
final class VerifiedCredentials {
  private static final long TTL_NANOS = TimeUnit.MINUTES.toNanos(5);
  private static final int MAX_ENTRIES = 1_000;

  private final Map<String, Long> verified = new ConcurrentHashMap<>();

  boolean contains(String header) {
    Long expiry = verified.get(digest(header));
    return expiry != null && System.nanoTime() - expiry < 0;
  }

  void add(String header) {
    if (verified.size() >= MAX_ENTRIES) {
      verified.clear();
    }
    verified.put(digest(header), System.nanoTime() + TTL_NANOS);
  }

  void clear() {
    verified.clear();
  }

  private static String digest(String header) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(header.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
