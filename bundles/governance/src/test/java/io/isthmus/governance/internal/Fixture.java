package io.isthmus.governance.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.connector.EdrConnector;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.governance.GovernanceStore;
import io.isthmus.store.internal.SqlDatabase;
import io.isthmus.store.internal.governance.JdbcGovernanceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;

/**
 * Governance wired as the components wire it, over the real store on H2 in a directory, a test
 * audit log, a settable clock and test connectors; {@link #restart()} drops everything but the database.
 */
final class Fixture implements AutoCloseable {

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    volatile Instant now = Instant.parse("2026-06-01T09:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  static final Path POLICIES = Path.of("..", "..", "policies");

  final Path directory;
  final TestClock clock = new TestClock();
  final InMemoryAuditLog audit = new InMemoryAuditLog();
  final List<EdrConnector> connectors = new CopyOnWriteArrayList<>();
  final PolicyEngine engine = new PolicyEngine();
  final CelConditions cel = new CelConditions();
  private Connection keepOpen;
  DataSource source;
  GovernanceStore store;
  RolloutModes rollout;
  Governor governor;
  Approvals approvals;
  Executor executor;

  Fixture(Path directory) throws SQLException {
    this.directory = directory;
    open();
  }

  private void open() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + directory.resolve("isthmus").toAbsolutePath());
    source = h2;
    keepOpen = source.getConnection();
    new SqlDatabase(source).migrate(JdbcGovernanceStore.AREA);
    store = new JdbcGovernanceStore(source);
    rollout = new RolloutModes(store, audit, clock);
    governor = new Governor(engine, rollout, store, audit, clock, () -> connectors);
    approvals = new Approvals(store, audit, clock, governor, id -> null, a -> null);
    executor = new Executor(store, audit, clock, () -> connectors,
        new Executor.Backoff(3, Duration.ofSeconds(5), Duration.ofMinutes(1)));
  }

  /** As after a restart: new objects over the same database; the audit log and connectors stay. */
  void restart() throws SQLException {
    keepOpen.close();
    open();
  }

  /** Installs a shipped policy pack (policies/<name>). */
  PolicyPack install(String name) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.list(POLICIES.resolve(name).resolve("src/main/resources/OSGI-INF/isthmus-policies"))) {
      for (Path p : s.toList()) {
        files.put(p.getFileName().toString(), Files.readString(p));
      }
    }
    return install("io.isthmus.policy." + name, "1.0.0", files);
  }

  PolicyPack install(String bundle, String version, Map<String, String> files) {
    List<String> problems = new ArrayList<>();
    PolicyPack pack = PolicyPacks.read(cel, bundle, version, files, problems);
    if (pack == null) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    engine.install(pack);
    return pack;
  }

  static Alert alert(String id, String device, Zone zone, double score, int criticality, String... techniques) {
    List<Technique> t = Stream.of(techniques).map(x -> new Technique(x, "technique " + x, "Impact")).toList();
    Instant at = Instant.parse("2026-06-01T08:59:00Z");
    return new Alert(id, device + "|" + String.join(",", techniques), device, null, zone, criticality, "modbus",
        (int) Math.round(score * 80), score, t, List.of("fc_not_in_baseline:90"), Set.of("semantics"), 3, at, at,
        "Writes from a host never seen writing to " + device, "Check the engineering station", "fc=16 addr=40001",
        Alert.State.OPEN);
  }

  static Asset asset(String id, String ip, Zone zone, int criticality) {
    return Asset.builder(id).address(ip).type("plc").criticality(criticality).zone(zone).risk(55, List.of("old firmware")).build();
  }

  static @Nullable Asset none() {
    return null;
  }

  @Override
  public void close() throws SQLException {
    keepOpen.close();
  }
}
