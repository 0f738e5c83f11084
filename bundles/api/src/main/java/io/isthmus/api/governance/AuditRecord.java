package io.isthmus.api.governance;

import io.isthmus.api.json.JsonStrings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the append-only, hash-chained audit log.
 *
 * <p>{@code hash} = lower-case hex SHA-256 over the UTF-8 bytes of {@link #canonicalContent()}
 * followed by {@code previousHash}. The canonical content is the canonical JSON of the object
 * {@code {actor, links, payload, sequence, subjectId, time, type}}: keys sorted, no whitespace,
 * strings escaped as {@link #quote} does, {@code sequence} as a decimal integer, {@code time} as
 * {@link #canonicalTime}, {@code links} an array of strings in their order, and {@code payload} the
 * stored canonical JSON text inserted as it is. Changing any stored byte therefore breaks the chain
 * from that record on.
 *
 * <p>Canonical JSON (a subset of RFC 8785, JCS): object members sorted by key (UTF-16 code units),
 * no duplicate keys, no insignificant whitespace, UTF-8; a string escapes only {@code "}, backslash
 * and the control characters below U+0020 (backslash b, f, n, r, t, else a six-character escape, backslash u 00xx, in lower-case
 * hex), as {@link JsonStrings#appendCanonical} does; numbers are kept exactly as written (JCS would re-serialise them as
 * doubles).
 *
 * @param sequence position in the log, from 1, without gaps
 * @param time when it was appended (microsecond precision)
 * @param type what happened: {@code anomaly}, {@code alert}, {@code decision}, {@code approval},
 *     {@code action}, {@code result}, {@code policy}, {@code override}, {@code checkpoint}
 * @param subjectId id of the thing it is about (alert id, action id)
 * @param actor user or component responsible
 * @param links subject ids of the records this one follows from (anomaly → alert → decision →
 *     approvals → action → result), e.g. the alert id for a decision
 * @param payloadJson canonical JSON object with the details
 * @param previousHash hex hash of the previous record ({@link #GENESIS_HASH} for the first)
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

  /** The previous hash of record 1: 64 zeros. */
  public static final String GENESIS_HASH = "0".repeat(64);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

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

  /** The canonical JSON the hash covers (without {@code previousHash}, which follows it). */
  public String canonicalContent() {
    StringBuilder json = new StringBuilder(128 + payloadJson.length());
    json.append("{\"actor\":");
    JsonStrings.appendCanonical(json, actor);
    json.append(",\"links\":[");
    for (int i = 0; i < links.size(); i++) {
      json.append(i == 0 ? "" : ",");
      JsonStrings.appendCanonical(json, links.get(i));
    }
    json.append("],\"payload\":").append(payloadJson).append(",\"sequence\":").append(sequence).append(",\"subjectId\":");
    JsonStrings.appendCanonical(json, subjectId);
    json.append(",\"time\":");
    JsonStrings.appendCanonical(json, canonicalTime(time));
    json.append(",\"type\":");
    JsonStrings.appendCanonical(json, type);
    return json.append('}').toString();
  }

  /** The hash these fields and {@code previousHash} must have; equal to {@link #hash} unless tampered with. */
  public String computeHash() {
    return hashOf(canonicalContent(), previousHash);
  }

  /** Lower-case hex SHA-256 over the UTF-8 bytes of {@code canonicalContent + previousHash}. */
  public static String hashOf(String canonicalContent, String previousHash) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(canonicalContent.getBytes(StandardCharsets.UTF_8));
      sha256.update(previousHash.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** ISO-8601 in UTC with exactly six fractional digits, e.g. {@code 2026-03-01T10:00:00.123456Z}. */
  public static String canonicalTime(Instant time) {
    return TIME.format(time);
  }

  /** {@code text} as a canonical JSON string, quotes included ({@link JsonStrings#appendCanonical}). */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2);
    JsonStrings.appendCanonical(out, text);
    return out.toString();
  }
}
