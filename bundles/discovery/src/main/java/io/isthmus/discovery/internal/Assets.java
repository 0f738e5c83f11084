package io.isthmus.discovery.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetBuilder;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A device's facts as an {@link Asset} with the IP address as its id. The MAC and its IEEE vendor are
 * left out when the MAC stands in front of many addresses (then it is a router's); the vendor the
 * protocol states wins over the MAC's. Attribute {@code vendor_source} says where the vendor came from.
 */
final class Assets {
  static final String MAC_SOURCE = "mac";

  private final OuiRegistry oui;
  private final Set<String> sharedMacs;
  private final Predicate<String> silent;

  /** @param silent addresses that never sent a PDU, left out of the peers (broadcast addresses among them) */
  Assets(OuiRegistry oui, Set<String> sharedMacs, Predicate<String> silent) {
    this.oui = oui;
    this.sharedMacs = sharedMacs;
    this.silent = silent;
  }

  Asset of(DeviceSnapshot s) {
    return of(s, true);
  }

  /** @param macVendorAllowed whether the MAC's vendor may stand in for a vendor no protocol stated */
  Asset of(DeviceSnapshot s, boolean macVendorAllowed) {
    AssetBuilder b = Asset.builder(s.ip()).address(s.ip()).type(s.type()).model(s.model()).firmware(s.firmware());
    String mac = s.mac() != null && !sharedMacs.contains(s.mac()) ? s.mac() : null;
    String macVendor = oui.vendor(mac);
    b.mac(mac);
    if (s.vendor() != null) {
      b.vendor(s.vendor()).attribute("vendor_source", String.valueOf(s.vendorSource()));
    } else if (macVendor != null && macVendorAllowed) {
      b.vendor(macVendor).attribute("vendor_source", MAC_SOURCE);
    }
    if (macVendor != null) {
      b.attribute("mac_vendor", macVendor);
    }
    s.protocols().forEach(b::protocol);
    s.roles().forEach(b::role);
    for (String peer : s.peers()) {
      if (Addresses.isUnicast(peer) && !silent.test(peer)) {
        b.peer(peer);
      }
    }
    s.attributes().forEach(b::attribute);
    return b.build();
  }

  static boolean vendorFromMac(Asset a) {
    return MAC_SOURCE.equals(a.attributes().get("vendor_source"));
  }

  static boolean statedVendor(@Nullable Asset stored) {
    return stored != null && stored.vendor() != null && !vendorFromMac(stored);
  }
}
