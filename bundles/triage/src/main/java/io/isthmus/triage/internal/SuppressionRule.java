package io.isthmus.triage.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.Technique;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Findings a site does not want raised (a maintenance window, a known noisy engineering station).
 * Every field given must match; at least one of device, technique, model, indicator is required.
 * A suppressed finding is counted on a SUPPRESSED alert, never dropped.
 *
 * @param name the rule's name (its configuration's name), shown in the suppressed alert
 * @param device the device's IP address or CIDR block, or {@code null} for any
 * @param technique a technique id ({@code T0843}), or {@code null} for any
 * @param model a model id, or {@code null} for any
 * @param indicator an indicator, or its name before {@code :} ({@code new_writer} matches
 *     {@code new_writer:10.0.0.9}), or {@code null} for any
 * @param until the rule ends at this time (finding time), or {@code null} for never
 * @param reason why findings are suppressed, for the analyst
 */
record SuppressionRule(String name, @Nullable AddressRange device, @Nullable String technique, @Nullable String model,
    @Nullable String indicator, @Nullable Instant until, String reason) {

  /**
   * Builds a rule from configuration text; blank means "any".
   *
   * @throws IllegalArgumentException naming the bad field
   */
  static SuppressionRule parse(String name, String device, String technique, String model, String indicator,
      String until, String reason) {
    AddressRange range = blank(device) ? null : AddressRange.parse(device);
    Instant end = null;
    if (!blank(until)) {
      try {
        end = Instant.parse(until.trim());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("until is not an ISO-8601 UTC time such as 2026-12-01T06:00:00Z: '" + until + "'");
      }
    }
    if (range == null && blank(technique) && blank(model) && blank(indicator)) {
      throw new IllegalArgumentException("no device, technique, model or indicator given: the rule would suppress everything");
    }
    return new SuppressionRule(name, range, trimmed(technique), trimmed(model), trimmed(indicator), end,
        blank(reason) ? "no reason given" : reason.trim());
  }

  boolean matches(Finding finding) {
    if (until != null && Instant.EPOCH.plusNanos(finding.timeMicros() * 1_000L).isAfter(until)) {
      return false;
    }
    if (device != null && !device.contains(finding.device().ip())) {
      return false;
    }
    if (model != null && !model.equals(finding.modelId())) {
      return false;
    }
    if (technique != null && finding.techniques().stream().map(Technique::id).noneMatch(technique::equals)) {
      return false;
    }
    return indicator == null
        || finding.indicators().stream().anyMatch(i -> i.equals(indicator) || i.startsWith(indicator + ":"));
  }

  /** One line for the analyst: which rule, why, until when. */
  String describe() {
    return "rule '" + name + "' (" + reason + (until == null ? "" : ", until " + until) + ")";
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  private static @Nullable String trimmed(@Nullable String value) {
    return blank(value) ? null : value.trim();
  }
}
