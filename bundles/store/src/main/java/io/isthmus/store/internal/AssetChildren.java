package io.isthmus.store.internal;

import io.isthmus.api.asset.AssetConflict;
import io.isthmus.api.store.AssetStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Writes of an asset's child rows: addresses, bounded peers, attributes, conflicts. */
final class AssetChildren {

  private AssetChildren() {}

  static void claimAddress(Connection connection, String ip, String assetId) throws SQLException {
    if (update(connection, "UPDATE asset_addresses SET asset_id = ? WHERE ip = ?", assetId, ip) == 0) {
      update(connection, "INSERT INTO asset_addresses (asset_id, ip) VALUES (?, ?)", assetId, ip);
    }
  }

  /**
   * Keeps the new peers while fewer than {@link AssetStore#MAX_PEERS_KEPT} are kept.
   *
   * @return every peer kept after the call, {@code null} when no peer was given (nothing changed)
   */
  static @Nullable Set<String> addPeers(Connection connection, String assetId, Set<String> peers) throws SQLException {
    if (peers.isEmpty()) {
      return null;
    }
    Set<String> kept = new HashSet<>(strings(connection, "SELECT ip FROM asset_peers WHERE asset_id = ?", assetId));
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO asset_peers (asset_id, ip) VALUES (?, ?)")) {
      int added = 0;
      for (String ip : peers.stream().sorted().toList()) {
        if (kept.size() >= AssetStore.MAX_PEERS_KEPT) {
          break;
        }
        if (kept.add(ip)) {
          insert.setString(1, assetId);
          insert.setString(2, ip);
          insert.addBatch();
          added++;
        }
      }
      if (added > 0) {
        insert.executeBatch();
      }
    }
    return kept;
  }


  static void putAttributes(Connection connection, String assetId, Map<String, String> attributes)
      throws SQLException {
    for (Map.Entry<String, String> attribute : new HashMap<>(attributes).entrySet()) {
      if (attribute.getKey().equals(AssetStore.PEER_COUNT)) {
        continue; // counted from the kept peers on every read
      }
      if (update(connection, "UPDATE asset_attributes SET attr_value = ? WHERE asset_id = ? AND name = ?",
          attribute.getValue(), assetId, attribute.getKey()) == 0) {
        update(connection, "INSERT INTO asset_attributes (attr_value, asset_id, name) VALUES (?, ?, ?)",
            attribute.getValue(), assetId, attribute.getKey());
      }
    }
  }

  static void replaceConflicts(Connection connection, String assetId, Iterable<AssetConflict> conflicts)
      throws SQLException {
    update(connection, "DELETE FROM asset_conflicts WHERE asset_id = ?", assetId);
    for (AssetConflict c : conflicts) {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO asset_conflicts"
          + " (asset_id, field, registry_value, discovered_value, first_noticed) VALUES (?, ?, ?, ?, ?)")) {
        insert.setString(1, assetId);
        insert.setString(2, c.field().key());
        insert.setString(3, c.registryValue());
        insert.setString(4, c.discoveredValue());
        insert.setObject(5, OffsetDateTime.ofInstant(c.firstNoticed(), ZoneOffset.UTC));
        insert.executeUpdate();
      }
    }
  }

  static int update(Connection connection, String sql, String... values) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setString(i + 1, values[i]);
      }
      return statement.executeUpdate();
    }
  }

  static List<String> strings(Connection connection, String sql, String key) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, key);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
    }
    return values;
  }
}
