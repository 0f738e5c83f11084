package io.isthmus.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolSettingsTest {

  @Test
  void defaultsAreWhatTheConfigurationDeclares() {
    PoolSettings settings = PoolSettings.of(TestStoreConfig.of(Map.of()));
    assertEquals(PoolSettings.DEFAULTS, settings);
    assertEquals(8, settings.maxSize());
    assertEquals(Duration.ofSeconds(10), settings.connectionTimeout());
    assertEquals(Duration.ofMinutes(10), settings.idleTimeout());
    assertEquals(Duration.ofMinutes(30), settings.maxLifetime());
  }

  @Test
  void zeroMeansNeverForIdleTimeoutAndNoLimitForLifetime() {
    PoolSettings settings = PoolSettings.of(TestStoreConfig.of(Map.of("poolIdleTimeoutSeconds", 0, "poolMaxLifetimeSeconds", 0)));
    assertEquals(Duration.ZERO, settings.idleTimeout());
    assertEquals(Duration.ZERO, settings.maxLifetime());
  }

  @Test
  void eachValueOutOfRangeIsRefusedNamingItsKey() {
    refused("poolMaxSize", Map.of("poolMaxSize", 0));
    refused("poolMaxSize", Map.of("poolMaxSize", -3));
    refused("poolMaxSize", Map.of("poolMaxSize", 1001));
    refused("poolMinIdle", Map.of("poolMinIdle", -1));
    refused("poolMinIdle", Map.of("poolMaxSize", 2, "poolMinIdle", 3));
    refused("poolConnectionTimeoutSeconds", Map.of("poolConnectionTimeoutSeconds", 0));
    refused("poolConnectionTimeoutSeconds", Map.of("poolConnectionTimeoutSeconds", -1));
    refused("poolIdleTimeoutSeconds", Map.of("poolIdleTimeoutSeconds", -1));
    refused("poolIdleTimeoutSeconds", Map.of("poolIdleTimeoutSeconds", 5));
    refused("poolMaxLifetimeSeconds", Map.of("poolMaxLifetimeSeconds", -1));
    refused("poolMaxLifetimeSeconds", Map.of("poolMaxLifetimeSeconds", 29));
    refused("poolIdleTimeoutSeconds", Map.of("poolIdleTimeoutSeconds", 1800, "poolMaxLifetimeSeconds", 1800));
  }

  private static void refused(String key, Map<String, Object> values) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PoolSettings.of(TestStoreConfig.of(values)), values.toString());
    assertTrue(e.getMessage().contains(key + " = "), e.getMessage());
    assertTrue(e.getMessage().startsWith("store configuration io.isthmus.store: "), e.getMessage());
  }

  @Test
  void theComponentDoesNotStartOnAnInvalidValueAndOpensNoPool() {
    List<String> poolsBefore = TestPools.poolThreads();
    // The URL names no server: the settings are refused before anything connects.
    StoreConfig config = TestStoreConfig.of(Map.of("url", "jdbc:postgresql://127.0.0.1:1/none", "poolMaxSize", 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DatabaseComponent(null, config));
    assertTrue(e.getMessage().contains("poolMaxSize = 0 must be between 1 and 1000"), e.getMessage());
    assertEquals(poolsBefore, TestPools.poolThreads(), "no pool was started");
  }
}
