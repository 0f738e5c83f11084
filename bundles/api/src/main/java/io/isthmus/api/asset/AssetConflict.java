package io.isthmus.api.asset;

import java.time.Instant;
import java.util.Objects;

/**
 * Discovery saw a value that differs from the one the registry gives; the registry's value stays in
 * force until someone corrects one side.
 *
 * @param assetId the asset
 * @param field vendor, model or firmware
 * @param registryValue the value in force, from the registry
 * @param discoveredValue the latest differing value seen on the network
 * @param firstNoticed when this discovered value was first seen to differ
 */
public record AssetConflict(String assetId, AssetField field, String registryValue, String discoveredValue,
    Instant firstNoticed) {

  public AssetConflict {
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(registryValue, "registryValue");
    Objects.requireNonNull(discoveredValue, "discoveredValue");
    Objects.requireNonNull(firstNoticed, "firstNoticed");
  }
}
