package io.isthmus.store.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetBuilder;
import io.isthmus.api.asset.AssetConflict;
import io.isthmus.api.asset.AssetField;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoredAsset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads assets with everything kept about them. The child tables are read once per call and grouped
 * by asset, so listing N assets takes five queries, not 4N + 1.
 */
final class AssetRows {

  private static final String COLUMNS = "id, mac, type, vendor, model, firmware, criticality, zone, site, location,"
      + " owner, protocols, roles, registry_fields, risk_score, risk_reasons, first_seen, last_seen";

  private AssetRows() {}

  /** The asset with this id, if stored. */
  static @Nullable StoredAsset one(Connection connection, String id) throws SQLException {
    List<StoredAsset> found = read(connection, id);
    return found.isEmpty() ? null : found.get(0);
  }

  /** Every asset ordered by id. */
  static List<StoredAsset> all(Connection connection) throws SQLException {
    return read(connection, null);
  }

  /** The id of the asset that holds this address, if any. */
  static @Nullable String ownerOf(Connection connection, String ip) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT asset_id FROM asset_addresses WHERE ip = ?")) {
      statement.setString(1, ip);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  /** The state a merge starts from. */
  static AssetMerge.State state(StoredAsset stored) {
    Map<AssetField, AssetConflict> conflicts = new HashMap<>();
    stored.conflicts().forEach(c -> conflicts.put(c.field(), c));
    return new AssetMerge.State(stored.asset(), stored.registryFields(), conflicts);
  }

  private static List<StoredAsset> read(Connection connection, @Nullable String id) throws SQLException {
    String where = id == null ? "" : " WHERE asset_id = ?";
    Map<String, List<String>> addresses = group(connection, "SELECT asset_id, ip FROM asset_addresses" + where, id);
    Map<String, List<String>> peers = group(connection, "SELECT asset_id, ip FROM asset_peers" + where, id);
    Map<String, List<String>> attributes =
        group(connection, "SELECT asset_id, name, attr_value FROM asset_attributes" + where, id);
    Map<String, List<AssetConflict>> conflicts = conflicts(connection, where, id);
    List<StoredAsset> assets = new ArrayList<>();
    String sql = "SELECT " + COLUMNS + " FROM assets" + (id == null ? " ORDER BY id" : " WHERE id = ?");
    try (PreparedStatement statement = prepare(connection, sql, id); ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        String assetId = rows.getString("id");
        AssetBuilder builder = Asset.builder(assetId)
            .mac(rows.getString("mac"))
            .type(rows.getString("type"))
            .vendor(rows.getString("vendor"))
            .model(rows.getString("model"))
            .firmware(rows.getString("firmware"))
            .criticality(rows.getInt("criticality"))
            .zone(Zone.valueOf(rows.getString("zone")))
            .site(rows.getString("site"))
            .location(rows.getString("location"))
            .owner(rows.getString("owner"))
            .risk(rows.getInt("risk_score"), lines(rows.getString("risk_reasons")));
        lines(rows.getString("protocols")).forEach(builder::protocol);
        lines(rows.getString("roles")).forEach(builder::role);
        addresses.getOrDefault(assetId, List.of()).forEach(builder::address);
        List<String> kept = peers.getOrDefault(assetId, List.of());
        // Sorted here, not by the database: PostgreSQL's collation may order addresses differently.
        kept.stream().sorted().limit(AssetStore.MAX_PEERS_SHOWN).forEach(builder::peer);
        List<String> nameValues = attributes.getOrDefault(assetId, List.of());
        for (int i = 0; i + 1 < nameValues.size(); i += 2) {
          builder.attribute(nameValues.get(i), nameValues.get(i + 1));
        }
        if (!kept.isEmpty()) {
          builder.attribute(AssetStore.PEER_COUNT, Integer.toString(kept.size()));
        }
        assets.add(new StoredAsset(builder.build(), instant(rows, "first_seen"), instant(rows, "last_seen"),
            registryFields(rows.getString("registry_fields")), conflicts.getOrDefault(assetId, List.of())));
      }
    }
    return assets;
  }

  /** Columns 2.. of each row, flattened, by the asset id in column 1. */
  private static Map<String, List<String>> group(Connection connection, String sql, @Nullable String id)
      throws SQLException {
    Map<String, List<String>> grouped = new HashMap<>();
    try (PreparedStatement statement = prepare(connection, sql, id); ResultSet rows = statement.executeQuery()) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<String> values = grouped.computeIfAbsent(rows.getString(1), k -> new ArrayList<>());
        for (int c = 2; c <= columns; c++) {
          values.add(rows.getString(c));
        }
      }
    }
    return grouped;
  }

  private static Map<String, List<AssetConflict>> conflicts(Connection connection, String where, @Nullable String id)
      throws SQLException {
    Map<String, List<AssetConflict>> grouped = new HashMap<>();
    String sql = "SELECT asset_id, field, registry_value, discovered_value, first_noticed FROM asset_conflicts" + where;
    try (PreparedStatement statement = prepare(connection, sql, id); ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        AssetConflict conflict = new AssetConflict(rows.getString(1), AssetField.fromKey(rows.getString(2)),
            rows.getString(3), rows.getString(4), rows.getObject(5, OffsetDateTime.class).toInstant());
        grouped.computeIfAbsent(conflict.assetId(), k -> new ArrayList<>()).add(conflict);
      }
    }
    grouped.values().forEach(list -> list.sort((a, b) -> a.field().compareTo(b.field())));
    return grouped;
  }

  private static PreparedStatement prepare(Connection connection, String sql, @Nullable String id) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    if (id != null) {
      statement.setString(1, id);
    }
    return statement;
  }

  private static @Nullable Instant instant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static List<String> lines(@Nullable String text) {
    return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
  }

  private static Set<AssetField> registryFields(@Nullable String keys) {
    Set<AssetField> fields = EnumSet.noneOf(AssetField.class);
    if (keys != null && !keys.isEmpty()) {
      Arrays.stream(keys.split(",")).map(AssetField::fromKey).forEach(fields::add);
    }
    return fields;
  }
}
