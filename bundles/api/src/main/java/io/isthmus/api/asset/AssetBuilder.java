package io.isthmus.api.asset;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Builds an {@link Asset}; unset fields are unknown (type {@code unknown}, criticality 0, zone UNKNOWN). */
public final class AssetBuilder {

  private final String id;
  private final Set<String> addresses = new LinkedHashSet<>();
  private @Nullable String mac;
  private String type = Asset.UNKNOWN_TYPE;
  private @Nullable String vendor;
  private @Nullable String model;
  private @Nullable String firmware;
  private int criticality;
  private Zone zone = Zone.UNKNOWN;
  private @Nullable String site;
  private @Nullable String location;
  private @Nullable String owner;
  private final Set<String> protocols = new LinkedHashSet<>();
  private final Set<String> roles = new LinkedHashSet<>();
  private final Set<String> peers = new LinkedHashSet<>();
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private int riskScore;
  private List<String> riskReasons = List.of();

  AssetBuilder(String id) {
    this.id = id;
  }

  AssetBuilder(Asset a) {
    this(a.id());
    addresses.addAll(a.addresses());
    mac = a.mac();
    type = a.type();
    vendor = a.vendor();
    model = a.model();
    firmware = a.firmware();
    criticality = a.criticality();
    zone = a.zone();
    site = a.site();
    location = a.location();
    owner = a.owner();
    protocols.addAll(a.protocols());
    roles.addAll(a.roles());
    peers.addAll(a.peers());
    attributes.putAll(a.attributes());
    riskScore = a.riskScore();
    riskReasons = a.riskReasons();
  }

  public AssetBuilder address(String ip) {
    addresses.add(ip);
    return this;
  }

  public AssetBuilder mac(@Nullable String value) {
    mac = value;
    return this;
  }

  public AssetBuilder type(String value) {
    type = value;
    return this;
  }

  public AssetBuilder vendor(@Nullable String value) {
    vendor = value;
    return this;
  }

  public AssetBuilder model(@Nullable String value) {
    model = value;
    return this;
  }

  public AssetBuilder firmware(@Nullable String value) {
    firmware = value;
    return this;
  }

  public AssetBuilder criticality(int value) {
    criticality = value;
    return this;
  }

  public AssetBuilder zone(Zone value) {
    zone = value;
    return this;
  }

  public AssetBuilder site(@Nullable String value) {
    site = value;
    return this;
  }

  public AssetBuilder location(@Nullable String value) {
    location = value;
    return this;
  }

  public AssetBuilder owner(@Nullable String value) {
    owner = value;
    return this;
  }

  public AssetBuilder protocol(String value) {
    protocols.add(value);
    return this;
  }

  public AssetBuilder role(String value) {
    roles.add(value);
    return this;
  }

  public AssetBuilder peer(String ip) {
    peers.add(ip);
    return this;
  }

  public AssetBuilder attribute(String name, String value) {
    attributes.put(name, value);
    return this;
  }

  public AssetBuilder risk(int score, List<String> reasons) {
    riskScore = score;
    riskReasons = reasons;
    return this;
  }

  public Asset build() {
    return new Asset(id, addresses, mac, type, vendor, model, firmware, criticality, zone, site, location, owner,
        protocols, roles, peers, attributes, riskScore, riskReasons);
  }
}
