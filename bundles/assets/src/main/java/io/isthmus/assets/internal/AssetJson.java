package io.isthmus.assets.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetConflict;
import io.isthmus.api.asset.AssetField;
import io.isthmus.api.json.JsonWriter;
import io.isthmus.api.store.StoredAsset;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/** Assets as JSON, for /api/v1/assets and 'isthmus assets list --format json'. Lists are sorted: output is reproducible. */
final class AssetJson {

  private AssetJson() {}

  /** {@code {"count": n, "assets": [...]}}; each asset without its peer list (see {@code attributes.peer_count}). */
  static String list(List<StoredAsset> assets) {
    JsonWriter json = new JsonWriter().beginObject().name("count").value(assets.size()).name("assets").beginArray();
    assets.forEach(a -> asset(json, a, false));
    return json.endArray().endObject().toString();
  }

  /** One asset with everything kept about it. */
  static String one(StoredAsset stored) {
    return asset(new JsonWriter(), stored, true).toString();
  }

  static String error(String message) {
    return new JsonWriter().beginObject().name("error").value(message).endObject().toString();
  }

  private static JsonWriter asset(JsonWriter json, StoredAsset stored, boolean withPeers) {
    Asset a = stored.asset();
    json.beginObject()
        .name("id").value(a.id())
        .name("addresses").write(sorted(a.addresses()))
        .name("mac").value(a.mac())
        .name("type").value(a.type())
        .name("vendor").value(a.vendor())
        .name("model").value(a.model())
        .name("firmware").value(a.firmware())
        .name("criticality").value(a.criticality())
        .name("zone").value(a.zone().name())
        .name("purdue_levels").value(a.zone().purdueLevels())
        .name("site").value(a.site())
        .name("location").value(a.location())
        .name("owner").value(a.owner())
        .name("protocols").write(sorted(a.protocols()))
        .name("roles").write(sorted(a.roles()));
    if (withPeers) {
      json.name("peers").write(sorted(a.peers()));
    }
    json.name("attributes").write(new TreeMap<>(a.attributes()))
        .name("risk").beginObject().name("score").value(a.riskScore()).name("reasons").write(a.riskReasons())
        .endObject()
        .name("registry_fields").write(stored.registryFields().stream().map(AssetField::key).sorted().toList())
        .name("conflicts").beginArray();
    for (AssetConflict c : stored.conflicts()) {
      json.beginObject().name("field").value(c.field().key()).name("registry_value").value(c.registryValue())
          .name("discovered_value").value(c.discoveredValue()).name("first_noticed").value(c.firstNoticed().toString())
          .endObject();
    }
    return json.endArray()
        .name("first_seen").write(stored.firstSeen())
        .name("last_seen").write(stored.lastSeen())
        .endObject();
  }

  private static List<String> sorted(Collection<String> values) {
    return values.stream().sorted().toList();
  }
}
