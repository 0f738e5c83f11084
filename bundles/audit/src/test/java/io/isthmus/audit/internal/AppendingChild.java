package io.isthmus.audit.internal;

import io.isthmus.api.governance.AuditRecord;
import io.isthmus.store.internal.audit.JdbcAuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Run in a child JVM by the kill test: appends records as fast as it can, signing a checkpoint every
 * 25 records, and prints each committed sequence number on a line of its own, until it is killed.
 * Arguments: JDBC URL, key directory.
 */
public final class AppendingChild {

  private AppendingChild() {}

  public static void main(String[] args) {
    JdbcAuditLog log = TestDatabases.auditLog(args[0]);
    CheckpointSigner signer = new CheckpointSigner(log, 25, Duration.ofHours(1), Clock.systemUTC(), Path.of(args[1]));
    System.out.println("ready");
    System.out.flush();
    for (long i = 0; ; i++) {
      AuditRecord record = log.append("action", "action-" + (i % 7), "child", List.of("alert-" + (i % 3)),
          "{\"i\":" + i + ",\"note\":\"burst\"}");
      System.out.println(record.sequence());
      signer.signIfDue(false).ifPresent(checkpoint -> System.out.println(checkpoint.sequence()));
      System.out.flush();
    }
  }
}
