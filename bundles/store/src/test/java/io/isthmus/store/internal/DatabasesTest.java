package io.isthmus.store.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabasesTest {

  @Test
  void unsupportedUrlIsRejectedWithoutEchoingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Databases.forUrl("jdbc:mysql://db.example/isthmus?password=hunter2", "u", "p"));
    assertTrue(e.getMessage().contains("jdbc:mysql"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void invalidPostgresUrlIsRejectedWithoutEchoingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Databases.forUrl("jdbc:postgresql://db.example:notaport/isthmus?password=hunter2", "u", "p"));
    assertTrue(e.getMessage().contains("invalid PostgreSQL URL"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void onlyPostgresIsPooled() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Databases.pooled("jdbc:h2:mem:x", "", "", PoolSettings.DEFAULTS));
    assertTrue(e.getMessage().contains("jdbc:h2"), e.getMessage());
  }
}
