package io.isthmus.api.governance;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only, hash-chained audit log. {@link #append} returns once the record is committed to
 * the store; appends are serialised, so sequence numbers have no gaps.
 */
@ProviderType
public interface AuditLog {

  /**
   * Appends one record.
   *
   * @param type what happened: {@code finding}, {@code alert}, {@code decision}, {@code approval},
   *     {@code action}, {@code result}, {@code policy}, {@code override}
   * @param subjectId id of the thing it is about (alert id, action id)
   * @param actor user or component responsible
   * @param links ids of the records this one follows from
   * @param payloadJson the details as a JSON object; stored in canonical form
   */
  AuditRecord append(String type, String subjectId, String actor, List<String> links, String payloadJson);

  /** The records about one subject, in order. */
  List<AuditRecord> forSubject(String subjectId);

  /** The last record, if the log is not empty. */
  Optional<AuditRecord> last();
}
