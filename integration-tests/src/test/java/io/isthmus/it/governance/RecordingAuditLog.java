package io.isthmus.it.governance;

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

/** Stands in for the audit log bundle: keeps the records in memory, hash-chained. */
final class RecordingAuditLog implements AuditLog {

  private final List<AuditRecord> records = new ArrayList<>();

  @Override
  public synchronized AuditRecord append(String type, String subjectId, String actor, List<String> links, String payloadJson) {
    String previous = records.isEmpty() ? "0".repeat(64) : records.get(records.size() - 1).hash();
    String hash;
    try {
      hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest((previous + type + subjectId + actor + links + payloadJson).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
}
