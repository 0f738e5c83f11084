package io.isthmus.triage.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.Technique;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * What groups findings into one alert: the device, its techniques (or, without any, its indicator
 * set) and the model, e.g. {@code 10.0.0.5|T0843|semantics} or {@code 10.0.0.7|ind:burst,new_topic|counting}.
 */
final class GroupKey {

  /** The store keeps keys up to 1000 characters; longer ones keep a prefix and a digest of the whole. */
  static final int MAX_LENGTH = 1000;

  private GroupKey() {}

  static String of(Finding finding) {
    TreeSet<String> parts = new TreeSet<>();
    String what;
    if (!finding.techniques().isEmpty()) {
      finding.techniques().stream().map(Technique::id).forEach(parts::add);
      what = String.join(",", parts);
    } else {
      parts.addAll(finding.indicators());
      what = "ind:" + String.join(",", parts);
    }
    String key = finding.device().deviceKey() + "|" + what + "|" + finding.modelId();
    return key.length() <= MAX_LENGTH ? key : key.substring(0, 900) + "#" + sha256(key);
  }

  /** The key of the suppressed alert that counts a group's suppressed findings. */
  static String suppressed(String key) {
    String suppressed = "suppressed|" + key;
    return suppressed.length() <= MAX_LENGTH ? suppressed : suppressed.substring(0, 900) + "#" + sha256(suppressed);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
