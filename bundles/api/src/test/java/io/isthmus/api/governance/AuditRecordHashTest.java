package io.isthmus.api.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hash input of an audit record must never change: every stored chain is verified against it.
 * The hashes below were computed by the code that wrote the first audit logs and are pinned here.
 */
class AuditRecordHashTest {

  // Every character class the canonical escaping treats specially, and some it must leave alone.
  private static final String AWKWARD = "q\" b\\ s/ \b\f\n\r\t \u0000\u0001\u001f\u007f <>& \u2028\u2029 "
      + "\u00e9\u4e2d \ud83d\ude00 lone \ud800 high, lone \udc00 low, end \ud83d";

  private static AuditRecord record(long sequence, Instant time, String type, String subjectId, String actor,
      List<String> links, String payloadJson, String previousHash) {
    String hash = AuditRecord.hashOf(
        new AuditRecord(sequence, time, type, subjectId, actor, links, payloadJson, previousHash, "").canonicalContent(),
        previousHash);
    return new AuditRecord(sequence, time, type, subjectId, actor, links, payloadJson, previousHash, hash);
  }

  @Test
  void anAlertRecordHashesAsItAlwaysDid() {
    AuditRecord r = record(1, Instant.parse("2026-05-01T08:00:00.250Z"), "alert", "a-1", "triage", List.of(),
        "{\"alert\":{\"assetId\":null,\"count\":1,\"criticality\":4,\"id\":\"a-1\",\"severity\":\"HIGH\"},"
            + "\"anomaly\":{\"score\":0.91},\"event\":\"raised\"}",
        AuditRecord.GENESIS_HASH);

    assertEquals("{\"actor\":\"triage\",\"links\":[],\"payload\":{\"alert\":{\"assetId\":null,\"count\":1,"
        + "\"criticality\":4,\"id\":\"a-1\",\"severity\":\"HIGH\"},\"anomaly\":{\"score\":0.91},\"event\":\"raised\"},"
        + "\"sequence\":1,\"subjectId\":\"a-1\",\"time\":\"2026-05-01T08:00:00.250000Z\",\"type\":\"alert\"}",
        r.canonicalContent());
    assertEquals("81bee16d57d06416e85611feddb6f8c56cc14483ef5cd13e6dd85601fad154c6", r.hash());
  }

  @Test
  void aRecordWithEveryAwkwardCharacterHashesAsItAlwaysDid() {
    AuditRecord r = record(42, Instant.parse("2026-05-01T08:00:00.123456789Z"), "decision", "act\u0000-" + AWKWARD,
        AWKWARD, List.of("x\u2028", AWKWARD, ""), "{\"k\":\"v\"}", "ab".repeat(32));

    assertEquals("e4fb22fb2568c5fdc6b33d8e78bd2dd656c0ff52f181ac0ca372376043826358", r.hash());
  }

  @Test
  void quoteEscapesOnlyWhatCanonicalJsonEscapes() {
    assertEquals("\"q\\\" b\\\\ s/ \\b\\f\\n\\r\\t \\u0000\\u0001\\u001f\u007f <>& \u2028\u2029 \u00e9\u4e2d \ud83d\ude00"
        + " lone \ud800 high, lone \udc00 low, end \ud83d\"", AuditRecord.quote(AWKWARD));
  }
}
