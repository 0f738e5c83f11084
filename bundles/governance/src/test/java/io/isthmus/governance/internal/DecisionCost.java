package io.isthmus.governance.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.connector.ConnectorCapability;
import io.isthmus.api.governance.ResponseAction;
import io.isthmus.store.internal.SqlDatabase;
import io.isthmus.store.internal.audit.JdbcAuditLog;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decision cost per alert in CPU time of the deciding thread as well as wall time, so a
 * figure taken on a shared, loaded machine still means something (CPU time does not count the
 * time the thread waits for a core). Same work as {@link DecisionBenchmark}. Run by hand:
 * {@code java -cp ... io.isthmus.governance.internal.DecisionCost [policyRounds] [proposals]}.
 */
public final class DecisionCost {

  private DecisionCost() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int proposals = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try (Fixture f = new Fixture(Files.createTempDirectory("decision-cost"))) {
      f.connectors.add(new TestConnector("falcon", Set.of(ConnectorCapability.CONTAIN_HOST,
          ConnectorCapability.OPEN_TICKET), a -> { }));
      f.install("default");
      f.install("strict-ot");
      new SqlDatabase(f.source).migrate(JdbcAuditLog.AREA);
      JdbcAuditLog audit = new JdbcAuditLog(f.source, Clock.systemUTC());
      Governor governor = new Governor(f.engine, new RolloutModes(f.store, audit, Clock.systemUTC()), f.store, audit,
          Clock.systemUTC(), () -> f.connectors);
      for (String kind : List.of("it", "ot")) {
        Alert alert = kind.equals("it") ? Fixture.alert("cost-it", "10.1.0.7", Zone.IT, 0.95, 2, "T1486")
            : Fixture.alert("cost-ot", "10.20.0.5", Zone.OT_CONTROL, 0.85, 4, "T0855");
        for (int pass = 0; pass < 2; pass++) { // the first pass warms up
          long cpu = mx.getCurrentThreadCpuTime();
          long wall = System.nanoTime();
          for (int i = 0; i < rounds; i++) {
            policy(f, alert);
          }
          report(pass, kind, "policy (CEL)", rounds, mx.getCurrentThreadCpuTime() - cpu, System.nanoTime() - wall);
          cpu = mx.getCurrentThreadCpuTime();
          wall = System.nanoTime();
          for (int i = 0; i < proposals; i++) {
            governor.propose(alert, null, "acme");
          }
          report(pass, kind, "propose + audit + store", proposals, mx.getCurrentThreadCpuTime() - cpu,
              System.nanoTime() - wall);
        }
      }
    }
  }

  private static PolicyEngine.Verdict policy(Fixture f, Alert alert) {
    Map<String, Object> vars = PolicyInput.of(alert, null, "acme", Instant.now());
    PolicyEngine.Proposal p = f.engine.recommend(vars);
    ResponseAction action = new ResponseAction("a", p.kind(), alert.device(), "falcon", "r", "cost", Instant.now(),
        false, List.of(), Map.of(), null);
    return f.engine.decide(PolicyInput.withAction(vars, action, f.connectors.get(0)), alert.zone() != Zone.IT);
  }

  private static void report(int pass, String kind, String what, int n, long cpuNanos, long wallNanos) {
    if (pass > 0) {
      System.out.printf("%-3s %-24s %8d ops  cpu %9.2f us/op  wall %9.2f us/op%n", kind, what, n,
          cpuNanos / 1e3 / n, wallNanos / 1e3 / n);
    }
  }
}
