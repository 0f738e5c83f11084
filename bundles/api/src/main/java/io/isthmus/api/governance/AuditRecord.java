package io.isthmus.api.governance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the append-only, hash-chained audit log. {@code hash} is SHA-256 over the
 * canonical JSON of the other fields and {@code previousHash}, so changing any stored byte
 * breaks the chain from that record on.
 *
 * @param sequence position in the log, from 1
 * @param time when it was appended
 * @param type what happened: {@code finding}, {@code alert}, {@code decision}, {@code approval}, {@code action}, {@code result}
 * @param subjectId id of the thing it is about
 * @param actor user or component responsible
 * @param links ids of the records this one follows from (anomaly → alert → decision → action)
 * @param payloadJson canonical JSON of the details
 * @param previousHash hex hash of the previous record ({@code 64 zeros} for the first)
 * @param hash hex hash of this record
 */
public record AuditRecord(
    long sequence,
    Instant time,
    String type,
    String subjectId,
    String actor,
    List<String> links,
    String payloadJson,
    String previousHash,
    String hash) {

  public AuditRecord {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1: " + sequence);
    }
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(payloadJson, "payloadJson");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
    links = List.copyOf(links);
  }
}
