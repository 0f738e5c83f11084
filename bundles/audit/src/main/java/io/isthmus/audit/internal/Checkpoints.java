package io.isthmus.audit.internal;

import io.isthmus.api.governance.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checkpoint record: type {@code checkpoint}, its payload
 * {@code {"algorithm":"Ed25519","covers":{"hash":H,"sequence":N},"keyId":K,"signature":S}}, where S is
 * the base64 Ed25519 signature over the UTF-8 bytes of {@code {"hash":H,"sequence":N}} (the head of
 * the chain when it was signed). Being itself a chained record, a checkpoint cannot be removed either.
 */
final class Checkpoints {

  static final String TYPE = "checkpoint";
  static final String SUBJECT = "audit-log";
  static final String ACTOR = "isthmus-audit";
  private static final String ALGORITHM = "Ed25519";
  private static final Pattern PAYLOAD = Pattern.compile("\\{\"algorithm\":\"Ed25519\",\"covers\":\\{\"hash\":\"([0-9a-f]{64})\","
      + "\"sequence\":([1-9][0-9]{0,18})\\},\"keyId\":\"([0-9a-f]{16})\",\"signature\":\"([A-Za-z0-9+/]+={0,2})\"\\}");

  /** What a checkpoint payload says. */
  record Claim(long coveredSequence, String coveredHash, String keyId, byte[] signature) {}

  private Checkpoints() {}

  static String payload(long sequence, String hash, String keyId, PrivateKey key) throws GeneralSecurityException {
    Signature signer = Signature.getInstance(ALGORITHM);
    signer.initSign(key);
    signer.update(signedText(sequence, hash));
    String signature = Base64.getEncoder().encodeToString(signer.sign());
    return "{\"algorithm\":\"Ed25519\",\"covers\":{\"hash\":\"" + hash + "\",\"sequence\":" + sequence + "},\"keyId\":\""
        + keyId + "\",\"signature\":\"" + signature + "\"}";
  }

  /** The claim of a checkpoint payload, or null if the payload is not one. */
  static @Nullable Claim parse(String payload) {
    Matcher m = PAYLOAD.matcher(payload);
    if (!m.matches()) {
      return null;
    }
    try {
      return new Claim(Long.parseLong(m.group(2)), m.group(1), m.group(3), Base64.getDecoder().decode(m.group(4)));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static boolean signatureHolds(Claim claim, PublicKey key) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(signedText(claim.coveredSequence(), claim.coveredHash()));
      return verifier.verify(claim.signature());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static byte[] signedText(long sequence, String hash) {
    return ("{\"hash\":" + AuditRecord.quote(hash) + ",\"sequence\":" + sequence + "}").getBytes(StandardCharsets.UTF_8);
  }
}
