package io.isthmus.api.governance;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only, hash-chained audit log (see {@link AuditRecord} for the hash). {@link #append}
 * returns once the record is committed to the store; appends are serialised, also between processes
 * sharing a database, so sequence numbers have no gaps. Methods throw
 * {@code io.isthmus.api.store.StoreException} when the store fails or refuses a record.
 */
@ProviderType
public interface AuditLog {

  /**
   * Appends one record.
   *
   * @param type what happened: {@code anomaly}, {@code alert}, {@code decision}, {@code approval},
   *     {@code action}, {@code result}, {@code policy}, {@code override} (lower-case letters, digits,
   *     {@code _} and {@code -}; {@code checkpoint} is written by the audit bundle's signer)
   * @param subjectId id of the thing it is about (alert id, action id)
   * @param actor user or component responsible
   * @param links subject ids of the records this one follows from, e.g. the alert id for a decision
   * @param payloadJson the details as a JSON object; stored in canonical form. Anything else (an
   *     array, a number, malformed JSON, duplicate keys) is refused with a StoreException
   * @return the record as committed, with its sequence, time and hashes
   */
  AuditRecord append(String type, String subjectId, String actor, List<String> links, String payloadJson);

  /** The records about one subject, in order. */
  List<AuditRecord> forSubject(String subjectId);

  /** The last record, if the log is not empty. */
  Optional<AuditRecord> last();

  /**
   * Up to {@code limit} records from sequence {@code fromSequence} on, in order, as stored (a record
   * changed in the store is returned as changed, for a verifier to find). Walk the whole log page by
   * page with it.
   */
  default List<AuditRecord> read(long fromSequence, int limit) {
    throw new UnsupportedOperationException("this audit log cannot be read in order");
  }

  /** The last record of a type (the latest {@code checkpoint}, say), if any. */
  default Optional<AuditRecord> lastOfType(String type) {
    throw new UnsupportedOperationException("this audit log cannot be searched by type");
  }

  /**
   * The sequence of the last committed append as the log's head keeps it (0 when empty). A verifier
   * compares it with the last stored record, so a deleted tail shows.
   */
  default long headSequence() {
    return last().map(AuditRecord::sequence).orElse(0L);
  }
}
