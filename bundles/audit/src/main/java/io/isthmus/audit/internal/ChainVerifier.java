package io.isthmus.audit.internal;

import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.AuditRecord;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Walks the audit log from record 1: sequence numbers without gaps, each previous hash equal to the
 * hash of the record before, each hash equal to the one its content gives, each checkpoint naming a
 * record of the chain with that record's hash and carrying a good signature of a known key, and the
 * log's head naming the last record. Stops at the first broken record.
 */
final class ChainVerifier {

  private static final int PAGE = 1000;

  /**
   * The outcome.
   *
   * @param records records that verified
   * @param checkpoints checkpoints among them
   * @param broken what is wrong with the first broken record ({@code record #k broken: why}), or null
   */
  record Result(long records, long checkpoints, @Nullable String broken) {

    String summary() {
      return broken != null ? broken : records + " records, " + checkpoints + " checkpoints, chain intact";
    }
  }

  private final AuditLog log;
  private final Map<String, PublicKey> keys;
  private final String keysHint;

  /**
   * @param keys the public keys checkpoints may be signed with, by key id
   * @param keysHint where those keys were looked for, for the message when one is missing
   */
  ChainVerifier(AuditLog log, Map<String, PublicKey> keys, String keysHint) {
    this.log = log;
    this.keys = keys;
    this.keysHint = keysHint;
  }

  Result verify() {
    long expected = 1;
    long checkpoints = 0;
    String previousHash = AuditRecord.GENESIS_HASH;
    while (true) {
      List<AuditRecord> page = log.read(expected, PAGE);
      for (AuditRecord record : page) {
        String why = check(record, expected, previousHash);
        if (why != null) {
          return new Result(expected - 1, checkpoints, "record #" + expected + " broken: " + why);
        }
        checkpoints += Checkpoints.TYPE.equals(record.type()) ? 1 : 0;
        previousHash = record.hash();
        expected++;
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    long last = expected - 1;
    long head = log.headSequence();
    if (head > last) {
      return new Result(last, checkpoints, "record #" + expected + " broken: missing; the log's head says it ends at #"
          + head + " (records deleted from the end)");
    }
    if (head < last) {
      return new Result(last, checkpoints, "record #" + (head + 1) + " broken: the log's head says the log ends at #" + head
          + " (record written outside the audit log)");
    }
    return new Result(last, checkpoints, null);
  }

  private @Nullable String check(AuditRecord record, long expected, String previousHash) {
    if (record.sequence() != expected) {
      return "sequence gap: the next stored record is #" + record.sequence();
    }
    if (!record.previousHash().equals(previousHash)) {
      return "previous-hash mismatch: it names " + shortHash(record.previousHash()) + ", record #" + (expected - 1)
          + " hashes to " + shortHash(previousHash);
    }
    String computed = record.computeHash();
    if (!computed.equals(record.hash())) {
      return "hash mismatch: stored " + shortHash(record.hash()) + ", its content hashes to " + shortHash(computed);
    }
    return Checkpoints.TYPE.equals(record.type()) ? checkCheckpoint(record) : null;
  }

  private @Nullable String checkCheckpoint(AuditRecord record) {
    Checkpoints.Claim claim = Checkpoints.parse(record.payloadJson());
    if (claim == null) {
      return "checkpoint payload is not a checkpoint";
    }
    if (claim.coveredSequence() >= record.sequence()) {
      return "checkpoint covers #" + claim.coveredSequence() + ", which does not come before it";
    }
    List<AuditRecord> covered = log.read(claim.coveredSequence(), 1);
    if (covered.isEmpty() || covered.get(0).sequence() != claim.coveredSequence()
        || !covered.get(0).hash().equals(claim.coveredHash())) {
      return "checkpoint covers #" + claim.coveredSequence() + " with hash " + shortHash(claim.coveredHash())
          + ", which is not that record's hash";
    }
    PublicKey key = keys.get(claim.keyId());
    if (key == null) {
      return "checkpoint signed with key " + claim.keyId() + ", which is not among the public keys in " + keysHint;
    }
    return Checkpoints.signatureHolds(claim, key) ? null : "bad checkpoint signature (key " + claim.keyId() + ")";
  }

  private static String shortHash(String hash) {
    return hash.length() > 16 ? hash.substring(0, 16) + "..." : "'" + hash + "'";
  }
}
