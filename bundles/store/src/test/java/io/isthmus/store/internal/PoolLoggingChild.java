package io.isthmus.store.internal;

import java.sql.Connection;
import java.util.Map;

/**
 * The child JVM of {@link PoolLoggingTest}, run with every logger at debug: activates the store
 * component on ISTHMUS_TEST_PG_URL, uses and deactivates it, then activates it with the wrong password
 * given as the argument and prints the refusal.
 */
public final class PoolLoggingChild {

  private PoolLoggingChild() {}

  public static void main(String[] args) throws Exception {
    String url = System.getenv("ISTHMUS_TEST_PG_URL");
    DatabaseComponent database = new DatabaseComponent(null, TestStoreConfig.postgres(url, Map.of()));
    try (Connection c = database.dataSource().getConnection()) {
      c.createStatement().execute("SELECT 1");
    }
    database.deactivate();
    try {
      new DatabaseComponent(null, TestStoreConfig.postgres(url, Map.of("password", args[0])));
      System.err.println("the wrong password was accepted");
    } catch (IllegalStateException e) {
      System.err.println("refused: " + e.getMessage());
    }
  }
}
