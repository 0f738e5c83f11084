package io.isthmus.audit.internal;

import io.isthmus.store.internal.audit.JdbcAuditLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Append throughput of the real audit log, for the benchmarks page (see the README for the command).
 * Arguments: JDBC URL (an empty database), records, threads. Appends decision-sized records (about
 * 300 bytes of payload), after a warm-up of 2,000, and prints records per second and the verify rate.
 */
public final class AppendThroughput {

  private AppendThroughput() {}

  public static void main(String[] args) throws Exception {
    JdbcAuditLog log = TestDatabases.auditLog(args[0]);
    int records = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    String payload = "{\"outcome\":\"REQUIRE_APPROVAL\",\"policyId\":\"ot-production-escalate\",\"policyVersion\":\"1.2.0\","
        + "\"approvalsRequired\":2,\"reason\":\"device in the OT control zone; confidence 0.83 below the auto-execute bar\","
        + "\"action\":{\"kind\":\"CONTAIN_HOST\",\"target\":\"10.20.0.15\",\"connector\":\"falcon\"},\"score\":0.83}";
    append(log, 2_000, 1, payload);
    long start = System.nanoTime();
    append(log, records, threads, payload);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("append: %d records, %d thread(s): %.2f s, %.0f records/s%n", records, threads, seconds, records / seconds);
    start = System.nanoTime();
    ChainVerifier.Result result = new ChainVerifier(log, java.util.Map.of(), "-").verify();
    seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("verify: %s in %.2f s, %.0f records/s%n", result.summary(), seconds, result.records() / seconds);
  }

  private static void append(JdbcAuditLog log, int records, int threads, String payload) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int share = records / threads + (t < records % threads ? 1 : 0);
      int thread = t;
      done.add(pool.submit(() -> {
        for (int i = 0; i < share; i++) {
          log.append("decision", "action-" + thread + "-" + i, "governance", List.of("alert-" + i), payload);
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
  }
}
