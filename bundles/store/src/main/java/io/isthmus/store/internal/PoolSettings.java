package io.isthmus.store.internal;

import java.time.Duration;

/**
 * How the PostgreSQL connection pool is sized and how long its connections live. Durations of zero
 * mean "never" for the idle timeout and "no limit" for the lifetime.
 */
public record PoolSettings(int maxSize, int minIdle, Duration connectionTimeout, Duration idleTimeout,
    Duration maxLifetime) {

  static final int DEFAULT_MAX_SIZE = 8;
  static final int DEFAULT_MIN_IDLE = 2;
  static final int DEFAULT_CONNECTION_TIMEOUT_SECONDS = 10;
  static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 600;
  static final int DEFAULT_MAX_LIFETIME_SECONDS = 1800;
  /** As StoreConfig's Metatype declares it. */
  static final int LARGEST_MAX_SIZE = 1000;

  // Below these HikariCP silently substitutes its own defaults; refusing them keeps what is configured what runs.
  static final int MIN_IDLE_TIMEOUT_SECONDS = 10;
  static final int MIN_MAX_LIFETIME_SECONDS = 30;

  public static final PoolSettings DEFAULTS = new PoolSettings(DEFAULT_MAX_SIZE, DEFAULT_MIN_IDLE,
      Duration.ofSeconds(DEFAULT_CONNECTION_TIMEOUT_SECONDS), Duration.ofSeconds(DEFAULT_IDLE_TIMEOUT_SECONDS),
      Duration.ofSeconds(DEFAULT_MAX_LIFETIME_SECONDS));

  /** The pool settings of a configuration; an invalid value is refused with its key named. */
  static PoolSettings of(StoreConfig config) {
    return new PoolSettings(config.poolMaxSize(), config.poolMinIdle(),
        Duration.ofSeconds(config.poolConnectionTimeoutSeconds()), Duration.ofSeconds(config.poolIdleTimeoutSeconds()),
        Duration.ofSeconds(config.poolMaxLifetimeSeconds()));
  }

  /** @throws IllegalArgumentException naming the configuration key of the first value out of range */
  public PoolSettings {
    if (maxSize < 1 || maxSize > LARGEST_MAX_SIZE) {
      throw invalid("poolMaxSize", maxSize, "must be between 1 and " + LARGEST_MAX_SIZE);
    }
    if (minIdle < 0 || minIdle > maxSize) {
      throw invalid("poolMinIdle", minIdle, "must be between 0 and poolMaxSize (" + maxSize + ")");
    }
    long connectSeconds = connectionTimeout.toSeconds();
    if (connectSeconds < 1) {
      throw invalid("poolConnectionTimeoutSeconds", connectSeconds, "must be at least 1");
    }
    long idleSeconds = idleTimeout.toSeconds();
    if (idleSeconds < 0 || (idleSeconds > 0 && idleSeconds < MIN_IDLE_TIMEOUT_SECONDS)) {
      throw invalid("poolIdleTimeoutSeconds", idleSeconds, "must be 0 (never) or at least " + MIN_IDLE_TIMEOUT_SECONDS);
    }
    long lifetimeSeconds = maxLifetime.toSeconds();
    if (lifetimeSeconds < 0 || (lifetimeSeconds > 0 && lifetimeSeconds < MIN_MAX_LIFETIME_SECONDS)) {
      throw invalid("poolMaxLifetimeSeconds", lifetimeSeconds, "must be 0 (no limit) or at least " + MIN_MAX_LIFETIME_SECONDS);
    }
    if (idleSeconds > 0 && lifetimeSeconds > 0 && idleSeconds >= lifetimeSeconds) {
      throw invalid("poolIdleTimeoutSeconds", idleSeconds,
          "must be less than poolMaxLifetimeSeconds (" + lifetimeSeconds + ") or 0");
    }
  }

  private static IllegalArgumentException invalid(String key, long value, String rule) {
    return new IllegalArgumentException("store configuration io.isthmus.store: " + key + " = " + value + " " + rule);
  }
}
