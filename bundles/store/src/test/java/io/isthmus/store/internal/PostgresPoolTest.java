package io.isthmus.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.isthmus.api.alert.Alert;
import io.isthmus.api.asset.Zone;
import io.isthmus.store.internal.alerts.JdbcAlertStore;
import io.isthmus.store.internal.audit.JdbcAuditLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store component's PostgreSQL pool against a real server (ISTHMUS_TEST_PG_URL, _USER, _PASSWORD;
 * skipped without one): connections reused, the size limit kept under concurrent use, a wrong password
 * refused once with the server's reason, and no thread or retry of the pool left after deactivation.
 */
class PostgresPoolTest {

  private static final String SCHEMA = "isthmus_pool_test";

  private String url = "";
  private String applicationName = "";
  private final List<DatabaseComponent> active = new ArrayList<>();
  private final List<HikariDataSource> pools = new ArrayList<>();

  @BeforeEach
  void freshSchema() {
    String configured = System.getenv("ISTHMUS_TEST_PG_URL");
    assumeTrue(configured != null && !configured.isBlank(), "ISTHMUS_TEST_PG_URL is not set");
    try (Connection c = unpooled(configured).getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + SCHEMA);
    } catch (SQLException e) {
      assumeTrue(false, "PostgreSQL at ISTHMUS_TEST_PG_URL is not reachable: " + e.getMessage());
    }
    // The application name tells this test's connections apart in pg_stat_activity.
    applicationName = "isthmus-pool-test-" + UUID.randomUUID().toString().substring(0, 8);
    url = configured + (configured.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA + "&ApplicationName=" + applicationName;
  }

  @AfterEach
  void deactivate() throws SQLException {
    for (DatabaseComponent component : active) {
      component.deactivate();
    }
    for (HikariDataSource pool : pools) {
      PostgresPool.close(pool);
    }
  }

  private DatabaseComponent activate(Map<String, Object> settings) throws Exception {
    DatabaseComponent component = new DatabaseComponent(null, TestStoreConfig.postgres(url, settings));
    active.add(component);
    return component;
  }

  private static DataSource unpooled(String url) {
    return Databases.forUrl(url, TestPools.env("ISTHMUS_TEST_PG_USER"), TestPools.env("ISTHMUS_TEST_PG_PASSWORD"));
  }

  private static int backendPid(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
      r.next();
      return r.getInt(1);
    }
  }

  private int serverConnections(Connection monitor) throws SQLException {
    try (PreparedStatement s = monitor.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
      s.setString(1, applicationName);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  private static String poolName(DatabaseComponent component) throws SQLException {
    return component.dataSource().unwrap(HikariDataSource.class).getPoolName();
  }

  @Test
  void operationsOfTheStoresReuseThePoolsConnections() throws Exception {
    DatabaseComponent database = activate(Map.of());
    database.migrate(JdbcAlertStore.AREA);
    database.migrate(JdbcAuditLog.AREA);
    JdbcAlertStore alerts = new JdbcAlertStore(database.dataSource());
    JdbcAuditLog audit = new JdbcAuditLog(database.dataSource(), Clock.systemUTC());
    Set<Integer> backends = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String key = "10.0.0.5|T0843|semantics|" + i;
      alerts.save(alert(key));
      assertTrue(alerts.findOpenByGroupKey(key).isPresent());
      audit.append("decision", "action-" + i, "governance", List.of(key), "{\"n\":" + i + "}");
      backends.add(backendPid(database.dataSource()));
    }
    assertTrue(backends.size() <= PoolSettings.DEFAULT_MAX_SIZE,
        "600 operations used " + backends.size() + " server backends; the pool holds at most " + PoolSettings.DEFAULT_MAX_SIZE);
    try (Connection monitor = unpooled(url).getConnection()) {
      int open = serverConnections(monitor) - 1;
      assertTrue(open >= 1 && open <= PoolSettings.DEFAULT_MAX_SIZE, open + " connections of the pool open on the server");
    }
  }

  @Test
  void withoutThePoolEachOperationIsANewBackend() throws Exception {
    // The contrast that shows the reuse test can fail: the same probe without a pool.
    DataSource unpooled = unpooled(url);
    Set<Integer> backends = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      backends.add(backendPid(unpooled));
    }
    assertEquals(20, backends.size());
  }

  @Test
  void concurrentUseNeverExceedsTheMaximumSize() throws Exception {
    int max = 3;
    DatabaseComponent database = activate(Map.of("poolMaxSize", max, "poolMinIdle", 1));
    DataSource pooled = database.dataSource();
    AtomicInteger inUse = new AtomicInteger();
    AtomicInteger mostInUse = new AtomicInteger();
    Set<Integer> backends = ConcurrentHashMap.newKeySet();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger mostOnServer = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(13);
    try {
      Future<?> monitor = threads.submit(() -> {
        try (Connection c = unpooled(url).getConnection()) {
          while (running.get()) {
            mostOnServer.accumulateAndGet(serverConnections(c) - 1, Math::max);
            Thread.sleep(5);
          }
        }
        return null;
      });
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < 12; t++) {
        workers.add(threads.submit(() -> {
          for (int i = 0; i < 15; i++) {
            try (Connection c = pooled.getConnection(); Statement s = c.createStatement()) {
              mostInUse.accumulateAndGet(inUse.incrementAndGet(), Math::max);
              try (ResultSet r = s.executeQuery("SELECT pg_backend_pid(), pg_sleep(0.01)")) {
                r.next();
                backends.add(r.getInt(1));
              }
              inUse.decrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      running.set(false);
      monitor.get();
    } finally {
      running.set(false);
      threads.shutdownNow();
    }
    assertEquals(max, mostInUse.get(), "12 threads kept the pool busy, never beyond its size");
    assertTrue(backends.size() <= max, backends.size() + " backends");
    assertTrue(mostOnServer.get() <= max, "the server saw " + mostOnServer.get() + " connections of the pool");
  }

  @Test
  void aBorrowerBeyondTheMaximumWaitsThenFailsWithoutANewConnection() throws Exception {
    DatabaseComponent database = activate(Map.of("poolMaxSize", 1, "poolMinIdle", 1, "poolConnectionTimeoutSeconds", 1));
    try (Connection held = database.dataSource().getConnection()) {
      SQLException e = assertThrows(SQLException.class, () -> database.dataSource().getConnection());
      assertTrue(e.getMessage().contains("timed out"), e.getMessage());
      try (Connection monitor = unpooled(url).getConnection()) {
        assertEquals(1, serverConnections(monitor) - 1, "still one connection on the server");
      }
      assertTrue(held.isValid(1));
    }
  }

  @Test
  void deactivationEndsEveryThreadOfThePool() throws Exception {
    DatabaseComponent database = activate(Map.of());
    backendPid(database.dataSource());
    String name = poolName(database);
    assertFalse(PostgresPool.threadsOf(name).isEmpty(), "the pool runs threads named after it while active");
    active.remove(database);
    database.deactivate();
    assertEquals(List.of(), PostgresPool.threadsOf(name).stream().map(Thread::getName).toList());
    assertThrows(SQLException.class, () -> database.dataSource().getConnection(), "a closed pool lends nothing");
    try (Connection monitor = unpooled(url).getConnection()) {
      // A backend ends a moment after its client has closed the connection.
      waitUntil(() -> serverConnections(monitor) == 1, "the pool's connections are closed on the server");
    }
  }

  @Test
  void aNewConfigurationGetsANewPoolAndTheOldOneIsGone() throws Exception {
    DatabaseComponent first = activate(Map.of());
    String firstName = poolName(first);
    active.remove(first);
    first.deactivate();
    DatabaseComponent second = activate(Map.of("poolMaxSize", 2, "poolMinIdle", 0));
    backendPid(second.dataSource());
    assertTrue(PostgresPool.threadsOf(firstName).isEmpty());
    assertEquals(2, second.dataSource().unwrap(HikariDataSource.class).getMaximumPoolSize());
  }

  @Test
  void aWrongPasswordIsOneClearErrorAndLeavesNoPoolBehind() {
    String wrong = "wrong-" + UUID.randomUUID();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> activate(Map.of("password", wrong)));
    assertTrue(e.getMessage().startsWith("store: cannot connect to PostgreSQL: "), e.getMessage());
    assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
    assertFalse(e.getMessage().contains(wrong), "the password is not in the message");
    assertNull(e.getCause(), "one line for the operator, no chain of driver exceptions");
    assertEquals(List.of(), TestPools.poolThreads(), "no thread of a pool is left");
  }

  @Test
  void aClosedPoolStopsRetryingARefusedLogin() throws Exception {
    PGSimpleDataSource server = (PGSimpleDataSource) unpooled(url);
    CountingDataSource counting = new CountingDataSource(server);
    HikariDataSource pool = PostgresPool.open(counting, new PoolSettings(3, 2, java.time.Duration.ofSeconds(2),
        java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(60)));
    pools.add(pool);
    backendPid(pool);
    // The password stops working: the pool's background refill is refused and tried again.
    server.setPassword("wrong-" + UUID.randomUUID());
    int before = counting.attempts.get();
    pool.getHikariPoolMXBean().softEvictConnections();
    waitUntil(() -> counting.attempts.get() >= before + 2, "the pool retries the refused login in the background");
    pools.remove(pool);
    PostgresPool.close(pool);
    int afterClose = counting.attempts.get();
    assertEquals(List.of(), PostgresPool.threadsOf(pool.getPoolName()));
    Thread.sleep(1_500);
    assertEquals(afterClose, counting.attempts.get(), "no login attempt after the pool closed");
  }

  private interface Condition {
    boolean holds() throws SQLException;
  }

  private static void waitUntil(Condition condition, String what) throws InterruptedException, SQLException {
    for (int i = 0; i < 300 && !condition.holds(); i++) {
      Thread.sleep(100);
    }
    assertTrue(condition.holds(), what);
  }

  private static Alert alert(String key) {
    Instant seen = Instant.parse("2026-03-01T10:00:00Z");
    return new Alert(key, key, "10.0.0.5", "plc-1", Zone.OT_CONTROL, 5, "modbus", 87, 0.93, List.of(), List.of("i"),
        Set.of("semantics"), 1, seen, seen, "summary", "advice", "evidence", Alert.State.OPEN);
  }
}
