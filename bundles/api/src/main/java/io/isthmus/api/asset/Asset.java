package io.isthmus.api.asset;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A device Isthmus knows, from passive discovery and the site's registry. Collections are
 * immutable copies; {@code null} and empty mean "not known", which a merge never lets overwrite a
 * known value.
 *
 * @param id stable asset id (discovery uses the IP address until the registry names the device)
 * @param addresses IP addresses the asset uses
 * @param mac MAC address in lower-case colon form, or {@code null}
 * @param type kind of device, e.g. {@code plc}, {@code hmi}, {@code engineering-workstation},
 *     {@code sensor}, {@code broker}; {@code unknown} until discovery or the registry says
 * @param vendor vendor (from the protocol, else the MAC's OUI), or {@code null}
 * @param model product name or model, or {@code null}
 * @param firmware firmware or software revision, or {@code null}
 * @param criticality 1 (lab, spare) to 5 (safety system); 0 while not rated
 * @param zone network zone
 * @param site the site (plant, building, substation), or {@code null}
 * @param location place within the site (hall, cabinet, floor), or {@code null}
 * @param owner team or person responsible, or {@code null}
 * @param protocols protocols seen, lower case: {@code modbus}, {@code bacnet}, {@code dnp3}, {@code enip}, {@code mqtt}
 * @param roles roles seen, e.g. {@code modbus-server}, {@code dnp3-outstation}, {@code mqtt-publisher}
 * @param peers IP addresses this asset talked to (bounded by the store)
 * @param attributes further facts by name, e.g. {@code serial}, {@code product_code},
 *     {@code bacnet_device_instance}, {@code mqtt_client_id}, {@code mac_vendor}
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
    @Nullable String site,
    @Nullable String location,
    @Nullable String owner,
    Set<String> protocols,
    Set<String> roles,
    Set<String> peers,
    Map<String, String> attributes,
    int riskScore,
    List<String> riskReasons) {

  /** The type of a device nothing has classified yet. */
  public static final String UNKNOWN_TYPE = "unknown";

  public Asset {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(zone, "zone");
    if (criticality < 0 || criticality > 5) {
      throw new IllegalArgumentException("criticality must be 1-5, or 0 for not rated: " + criticality);
    }
    if (riskScore < 0 || riskScore > 100) {
      throw new IllegalArgumentException("riskScore must be 0-100: " + riskScore);
    }
    addresses = Set.copyOf(addresses);
    protocols = Set.copyOf(protocols);
    roles = Set.copyOf(roles);
    peers = Set.copyOf(peers);
    attributes = Map.copyOf(attributes);
    riskReasons = List.copyOf(riskReasons);
  }

  /** A builder for an asset with this id and nothing else known. */
  public static AssetBuilder builder(String id) {
    return new AssetBuilder(id);
  }

  /** A builder starting from this asset's values. */
  public AssetBuilder toBuilder() {
    return new AssetBuilder(this);
  }
}
