package io.isthmus.store.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetBuilder;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoreException;
import io.isthmus.api.store.StoredAsset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The asset inventory over plain JDBC, for H2 and PostgreSQL alike. */
final class JdbcAssetStore implements AssetStore {

  /** The store's tables and migrations: {@code db/assets}. */
  static final String AREA = "assets";

  private static final String COLUMNS = "id, mac, type, vendor, model, firmware, criticality, zone, site,"
      + " risk_score, risk_reasons, first_seen, last_seen";

  private final DataSource dataSource;

  JdbcAssetStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  // Synchronized: upserts of one process never interleave, so read-merge-write needs no retry loop.
  @Override
  public synchronized StoredAsset upsert(Asset asset, Instant seenAt) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        StoredAsset result = upsert(connection, asset, seenAt);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("upsert of asset " + asset.id() + " failed", e);
    }
  }

  private StoredAsset upsert(Connection connection, Asset asset, Instant seenAt) throws SQLException {
    Optional<StoredAsset> existing = queryOne(connection, "SELECT " + COLUMNS + " FROM assets WHERE id = ?", asset.id());
    StoredAsset merged;
    if (existing.isEmpty()) {
      merged = new StoredAsset(asset, seenAt, seenAt);
      write(connection, "INSERT INTO assets (mac, type, vendor, model, firmware, criticality, zone, site, risk_score,"
          + " risk_reasons, first_seen, last_seen, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", merged);
    } else {
      StoredAsset old = existing.get();
      Instant first = seenAt.isBefore(old.firstSeen()) ? seenAt : old.firstSeen();
      Instant last = seenAt.isAfter(old.lastSeen()) ? seenAt : old.lastSeen();
      merged = new StoredAsset(AssetMerge.merge(old.asset(), asset), first, last);
      write(connection, "UPDATE assets SET mac = ?, type = ?, vendor = ?, model = ?, firmware = ?, criticality = ?,"
          + " zone = ?, site = ?, risk_score = ?, risk_reasons = ?, first_seen = ?, last_seen = ? WHERE id = ?", merged);
    }
    for (String ip : asset.addresses()) {
      claimAddress(connection, ip, asset.id());
    }
    return merged;
  }

  private static void write(Connection connection, String sql, StoredAsset stored) throws SQLException {
    Asset a = stored.asset();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, a.mac());
      statement.setString(2, a.type());
      statement.setString(3, a.vendor());
      statement.setString(4, a.model());
      statement.setString(5, a.firmware());
      statement.setInt(6, a.criticality());
      statement.setString(7, a.zone().name());
      statement.setString(8, a.site());
      statement.setInt(9, a.riskScore());
      statement.setString(10, a.riskReasons().isEmpty() ? null : String.join("\n", a.riskReasons()));
      statement.setObject(11, OffsetDateTime.ofInstant(stored.firstSeen(), ZoneOffset.UTC));
      statement.setObject(12, OffsetDateTime.ofInstant(stored.lastSeen(), ZoneOffset.UTC));
      statement.setString(13, a.id());
      statement.executeUpdate();
    }
  }

  private static void claimAddress(Connection connection, String ip, String assetId) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE asset_addresses SET asset_id = ? WHERE ip = ?")) {
      update.setString(1, assetId);
      update.setString(2, ip);
      if (update.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO asset_addresses (ip, asset_id) VALUES (?, ?)")) {
      insert.setString(1, ip);
      insert.setString(2, assetId);
      insert.executeUpdate();
    }
  }

  @Override
  public Optional<StoredAsset> findByAddress(String ip) {
    return read(connection -> queryOne(connection, "SELECT " + COLUMNS
        + " FROM assets WHERE id = (SELECT asset_id FROM asset_addresses WHERE ip = ?)", ip), "find by address");
  }

  @Override
  public Optional<StoredAsset> findById(String id) {
    return read(connection -> queryOne(connection, "SELECT " + COLUMNS + " FROM assets WHERE id = ?", id), "find by id");
  }

  @Override
  public List<StoredAsset> list() {
    return read(connection -> query(connection, "SELECT " + COLUMNS + " FROM assets ORDER BY id", null), "list");
  }

  private interface Query<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T read(Query<T> query, String what) {
    try (Connection connection = dataSource.getConnection()) {
      return query.run(connection);
    } catch (SQLException e) {
      throw new StoreException(what + " failed", e);
    }
  }

  private static Optional<StoredAsset> queryOne(Connection connection, String sql, String key) throws SQLException {
    List<StoredAsset> found = query(connection, sql, key);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<StoredAsset> query(Connection connection, String sql, @Nullable String key) throws SQLException {
    List<StoredAsset> assets = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (key != null) {
        statement.setString(1, key);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          assets.add(row(connection, rows));
        }
      }
    }
    return assets;
  }

  private static StoredAsset row(Connection connection, ResultSet rows) throws SQLException {
    String id = rows.getString("id");
    String reasons = rows.getString("risk_reasons");
    // Only the V1 columns are stored so far; protocols, roles, peers, attributes, owner follow in V2.
    AssetBuilder builder = Asset.builder(id)
        .mac(rows.getString("mac"))
        .type(rows.getString("type"))
        .vendor(rows.getString("vendor"))
        .model(rows.getString("model"))
        .firmware(rows.getString("firmware"))
        .criticality(rows.getInt("criticality"))
        .zone(Zone.valueOf(rows.getString("zone")))
        .site(rows.getString("site"))
        .risk(rows.getInt("risk_score"), reasons == null ? List.of() : List.of(reasons.split("\n", -1)));
    addresses(connection, id).forEach(builder::address);
    Asset asset = builder.build();
    return new StoredAsset(asset,
        rows.getObject("first_seen", OffsetDateTime.class).toInstant(),
        rows.getObject("last_seen", OffsetDateTime.class).toInstant());
  }

  private static Set<String> addresses(Connection connection, String assetId) throws SQLException {
    Set<String> addresses = new HashSet<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT ip FROM asset_addresses WHERE asset_id = ?")) {
      statement.setString(1, assetId);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          addresses.add(rows.getString(1));
        }
      }
    }
    return addresses;
  }
}
