package io.isthmus.governance.internal;

import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** A test double of the audit log: records in memory, hash-chained like the real one. */
final class InMemoryAuditLog implements AuditLog {

  final List<AuditRecord> records = new ArrayList<>();
  /** When set, the next append fails (an audit log that cannot write). */
  volatile boolean failing;

  @Override
  public synchronized AuditRecord append(String type, String subjectId, String actor, List<String> links, String payloadJson) {
    if (failing) {
      throw new IllegalStateException("audit log unavailable");
    }
    String previous = records.isEmpty() ? "0".repeat(64) : records.get(records.size() - 1).hash();
    String hash = sha256(previous + type + subjectId + actor + links + payloadJson);
    AuditRecord r = new AuditRecord(records.size() + 1, Instant.now(), type, subjectId, actor, links, payloadJson, previous, hash);
    records.add(r);
    return r;
  }

  @Override
  public synchronized List<AuditRecord> forSubject(String subjectId) {
    return records.stream().filter(r -> r.subjectId().equals(subjectId)).toList();
  }

  @Override
  public synchronized Optional<AuditRecord> last() {
    return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
  }

  synchronized List<String> typesFor(String subjectId) {
    return forSubject(subjectId).stream().map(AuditRecord::type).toList();
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
