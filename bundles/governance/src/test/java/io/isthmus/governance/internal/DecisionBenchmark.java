package io.isthmus.governance.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.connector.ConnectorCapability;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.store.internal.SqlDatabase;
import io.isthmus.store.internal.audit.JdbcAuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decision cost per alert, with the shipped default and strict-ot packs in force:
 * {@code policy} is the CEL part alone (variables built, recommendation, decision);
 * {@code proposeAndRecord} adds the bookkeeping (rollout cap, evidence, the decision record appended
 * to the store's real audit log, proposal and decision inserted into the governance store), both on
 * one embedded H2 database in a file, as the runtime keeps them.
 * Run by hand (docs/benchmarks.md has the command); not part of the build.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DecisionBenchmark {

  /** {@code it}: confident ransomware on an IT host (first rule of default matches after strict-ot's miss); {@code ot}: an OT controller. */
  @Param({"it", "ot"})
  public String alertKind;

  private Path dir;
  private Fixture fixture;
  private Alert alert;
  private Governor governor;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("decision-bench");
    fixture = new Fixture(dir);
    fixture.connectors.add(new TestConnector("falcon", Set.of(ConnectorCapability.CONTAIN_HOST,
        ConnectorCapability.OPEN_TICKET), a -> { }));
    fixture.install("default");
    fixture.install("strict-ot");
    new SqlDatabase(fixture.source).migrate(JdbcAuditLog.AREA);
    JdbcAuditLog audit = new JdbcAuditLog(fixture.source, Clock.systemUTC());
    governor = new Governor(fixture.engine, new RolloutModes(fixture.store, audit, Clock.systemUTC()), fixture.store,
        audit, Clock.systemUTC(), () -> fixture.connectors);
    alert = alertKind.equals("it")
        ? Fixture.alert("bench-it", "10.1.0.7", Zone.IT, 0.95, 2, "T1486")
        : Fixture.alert("bench-ot", "10.20.0.5", Zone.OT_CONTROL, 0.85, 4, "T0855");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    fixture.close();
  }

  @Benchmark
  public PolicyEngine.Verdict policy() {
    Map<String, Object> vars = PolicyInput.of(alert, null, "acme", Instant.now());
    PolicyEngine.Proposal p = fixture.engine.recommend(vars);
    Map<String, Object> withAction = PolicyInput.withAction(vars, new io.isthmus.api.governance.ResponseAction("a",
        p.kind(), alert.device(), "falcon", "r", "bench", Instant.now(), false, java.util.List.of(), Map.of(), null),
        fixture.connectors.get(0));
    return fixture.engine.decide(withAction, alertKind.equals("ot"));
  }

  @Benchmark
  public GovernedAction proposeAndRecord() {
    return governor.propose(alert, null, "acme");
  }

  public static void main(String[] args) throws Exception {
    org.openjdk.jmh.Main.main(args);
  }
}
