package io.isthmus.assets.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetConflict;
import io.isthmus.api.asset.AssetField;
import io.isthmus.api.store.StoredAsset;
import java.util.List;

/** Assets as JSON, for /api/v1/assets and 'isthmus assets list --format json'. Lists are sorted: output is reproducible. */
final class AssetJson {

  private AssetJson() {}

  /** {@code {"count": n, "assets": [...]}}; each asset without its peer list (see {@code attributes.peer_count}). */
  static String list(List<StoredAsset> assets) {
    JsonOut json = new JsonOut().open('{').key("count").number(assets.size()).key("assets").open('[');
    assets.forEach(a -> asset(json, a, false));
    return json.close(']').close('}').toString();
  }

  /** One asset with everything kept about it. */
  static String one(StoredAsset stored) {
    return asset(new JsonOut(), stored, true).toString();
  }

  static String error(String message) {
    return new JsonOut().open('{').key("error").value(message).close('}').toString();
  }

  private static JsonOut asset(JsonOut json, StoredAsset stored, boolean withPeers) {
    Asset a = stored.asset();
    json.open('{')
        .key("id").value(a.id())
        .key("addresses").strings(a.addresses().stream().sorted().toList())
        .key("mac").nullableValue(a.mac())
        .key("type").value(a.type())
        .key("vendor").nullableValue(a.vendor())
        .key("model").nullableValue(a.model())
        .key("firmware").nullableValue(a.firmware())
        .key("criticality").number(a.criticality())
        .key("zone").value(a.zone().name())
        .key("purdue_levels").value(a.zone().purdueLevels())
        .key("site").nullableValue(a.site())
        .key("location").nullableValue(a.location())
        .key("owner").nullableValue(a.owner())
        .key("protocols").strings(a.protocols().stream().sorted().toList())
        .key("roles").strings(a.roles().stream().sorted().toList());
    if (withPeers) {
      json.key("peers").strings(a.peers().stream().sorted().toList());
    }
    json.key("attributes").stringMap(a.attributes())
        .key("risk").open('{').key("score").number(a.riskScore()).key("reasons").strings(a.riskReasons()).close('}')
        .key("registry_fields").strings(stored.registryFields().stream().map(AssetField::key).sorted().toList())
        .key("conflicts").open('[');
    for (AssetConflict c : stored.conflicts()) {
      json.open('{').key("field").value(c.field().key()).key("registry_value").value(c.registryValue())
          .key("discovered_value").value(c.discoveredValue()).key("first_noticed").value(c.firstNoticed().toString())
          .close('}');
    }
    return json.close(']')
        .key("first_seen").nullableValue(stored.firstSeen())
        .key("last_seen").nullableValue(stored.lastSeen())
        .close('}');
  }
}
