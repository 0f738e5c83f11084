package io.isthmus.api.asset;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A device Isthmus knows, from discovery and the site's registry.
 *
 * @param id stable asset id
 * @param addresses IP addresses the asset uses
 * @param mac MAC address, or {@code null}
 * @param type kind of device, e.g. {@code plc}, {@code hmi}, {@code engineering-workstation}, {@code sensor}
 * @param vendor vendor, or {@code null}
 * @param model product model, or {@code null}
 * @param firmware firmware or software revision, or {@code null}
 * @param criticality 1 (lab, spare) to 5 (safety system)
 * @param zone network zone
 * @param location site and place, or {@code null}
 * @param riskScore 0-100
 * @param riskReasons why the score is what it is, most important first
 */
public record Asset(
    String id,
    Set<String> addresses,
    @Nullable String mac,
    String type,
    @Nullable String vendor,
    @Nullable String model,
    @Nullable String firmware,
    int criticality,
    Zone zone,
    @Nullable String location,
    int riskScore,
    List<String> riskReasons) {

  public Asset {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(zone, "zone");
    if (criticality < 1 || criticality > 5) {
      throw new IllegalArgumentException("criticality must be 1-5: " + criticality);
    }
    if (riskScore < 0 || riskScore > 100) {
      throw new IllegalArgumentException("riskScore must be 0-100: " + riskScore);
    }
    addresses = Set.copyOf(addresses);
    riskReasons = List.copyOf(riskReasons);
  }
}
