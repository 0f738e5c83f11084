package io.isthmus.store.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.detection.Technique;
import io.isthmus.store.internal.alerts.JdbcAlertStore;
import io.isthmus.store.internal.audit.JdbcAuditLog;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Throughput of the audit log and the alert store on PostgreSQL, over a data source without a pool (a
 * login per connection, as before the pool) or over the store's pool with its default settings, for
 * the benchmarks page. Arguments: {@code simple|pooled audit|alerts OPERATIONS THREADS}; the server
 * comes from ISTHMUS_TEST_PG_URL (+ _USER, _PASSWORD), in a schema isthmus_bench dropped and created
 * anew, after a warm-up of min(2,000, OPERATIONS). An audit operation appends a decision-sized record; an alert operation looks up the open alert
 * of a new group, as triage does, and saves the new alert.
 */
public final class StoreThroughput {

  private static final String SCHEMA = "isthmus_bench";
  private static final String PAYLOAD = "{\"outcome\":\"REQUIRE_APPROVAL\",\"policyId\":\"ot-production-escalate\","
      + "\"policyVersion\":\"1.2.0\",\"approvalsRequired\":2,\"reason\":\"device in the OT control zone; confidence 0.83 "
      + "below the auto-execute bar\",\"action\":{\"kind\":\"CONTAIN_HOST\",\"target\":\"10.20.0.15\",\"connector\":"
      + "\"falcon\"},\"score\":0.83}";

  private StoreThroughput() {}

  interface Operation {
    void run(String thread, int i) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    boolean pooled = args[0].equals("pooled");
    String area = args[1];
    int operations = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    String server = System.getenv("ISTHMUS_TEST_PG_URL");
    String user = env("ISTHMUS_TEST_PG_USER");
    String password = env("ISTHMUS_TEST_PG_PASSWORD");
    try (Connection c = Databases.forUrl(server, user, password).getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + SCHEMA);
    }
    String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    DataSource dataSource = pooled
        ? Databases.pooled(url, user, password, PoolSettings.DEFAULTS)
        : Databases.forUrl(url, user, password);
    Operation operation = switch (area) {
      case "audit" -> audit(dataSource);
      case "alerts" -> alerts(dataSource);
      default -> throw new IllegalArgumentException("area: audit or alerts");
    };
    run(operation, Math.min(2_000, operations), 1, "w");
    long start = System.nanoTime();
    run(operation, operations, threads, "t");
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s %s: %d operations, %d thread(s): %.2f s, %.0f operations/s%n",
        area, pooled ? "pooled" : "without a pool", operations, threads, seconds, operations / seconds);
    if (dataSource instanceof com.zaxxer.hikari.HikariDataSource pool) {
      PostgresPool.close(pool);
    }
  }

  private static Operation audit(DataSource dataSource) {
    Migrations.migrate(dataSource, JdbcAuditLog.AREA);
    JdbcAuditLog log = new JdbcAuditLog(dataSource, Clock.systemUTC());
    return (thread, i) -> log.append("decision", "action-" + thread + "-" + i, "governance", List.of("alert-" + i), PAYLOAD);
  }

  private static Operation alerts(DataSource dataSource) {
    Migrations.migrate(dataSource, JdbcAlertStore.AREA);
    JdbcAlertStore store = new JdbcAlertStore(dataSource);
    Technique technique = new Technique("T0843", "Program Download", "Lateral Movement");
    Instant seen = Instant.parse("2026-03-01T10:00:00Z");
    return (thread, i) -> {
      String key = "10.0.0.5|T0843|semantics|" + thread + "-" + i;
      if (store.findOpenByGroupKey(key).isPresent()) {
        throw new IllegalStateException("a new group key was found open: " + key);
      }
      store.save(new Alert(key, key, "10.0.0.5", "plc-1", Zone.OT_CONTROL, 5, "modbus", 87, 0.93, List.of(technique),
          List.of("fc_not_in_baseline:90"), Set.of("semantics"), 1, seen, seen, "Program download to PLC 10.0.0.5.",
          "Confirm with engineering whether a change was planned.", "WRITE_MULTIPLE_REGISTERS", Alert.State.OPEN));
    };
  }

  private static void run(Operation operation, int operations, int threads, String prefix) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int share = operations / threads + (t < operations % threads ? 1 : 0);
      String thread = prefix + t;
      done.add(pool.submit(() -> {
        for (int i = 0; i < share; i++) {
          operation.run(thread, i);
        }
        return null;
      }));
    }
    try {
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value;
  }
}
