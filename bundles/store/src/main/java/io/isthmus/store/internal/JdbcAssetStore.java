package io.isthmus.store.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetConflict;
import io.isthmus.api.asset.AssetField;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoreException;
import io.isthmus.api.store.StoredAsset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The asset inventory over plain JDBC, for H2 and PostgreSQL alike. */
final class JdbcAssetStore implements AssetStore {

  /** The store's tables and migrations: {@code db/assets}. */
  static final String AREA = "assets";

  private final DataSource dataSource;

  JdbcAssetStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  // Synchronized: writes of one process never interleave, so read-merge-write needs no retry loop.
  private synchronized <T> T write(Work<T> work, String what) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(what + " failed", e);
    }
  }

  private <T> T read(Work<T> work, String what) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException(what + " failed", e);
    }
  }

  @Override
  public StoredAsset upsert(Asset asset, Instant seenAt) {
    return write(connection -> {
      StoredAsset existing = AssetRows.one(connection, asset.id());
      if (existing == null && asset.addresses().contains(asset.id())) {
        String owner = AssetRows.ownerOf(connection, asset.id());
        existing = owner == null ? null : AssetRows.one(connection, owner);
      }
      AssetMerge.State base = existing == null ? AssetMerge.State.empty(asset.id()) : AssetRows.state(existing);
      AssetMerge.State merged = AssetMerge.discovered(base, asset, seenAt);
      Instant first = existing == null || existing.firstSeen() == null || seenAt.isBefore(existing.firstSeen())
          ? seenAt : existing.firstSeen();
      Instant last = existing == null || existing.lastSeen() == null || seenAt.isAfter(existing.lastSeen())
          ? seenAt : existing.lastSeen();
      return save(connection, merged, first, last, existing, asset);
    }, "upsert of asset " + asset.id());
  }

  @Override
  public StoredAsset importRegistry(Asset entry, Instant importedAt) {
    return write(connection -> {
      StoredAsset existing = AssetRows.one(connection, entry.id());
      AssetMerge.State state = existing == null ? AssetMerge.State.empty(entry.id()) : AssetRows.state(existing);
      Instant first = existing == null ? null : existing.firstSeen();
      Instant last = existing == null ? null : existing.lastSeen();
      // Discovery named these devices by address; the registry's entry takes them over.
      List<StoredAsset> folded = new ArrayList<>();
      for (String ip : entry.addresses()) {
        String owner = AssetRows.ownerOf(connection, ip);
        StoredAsset found = owner == null || owner.equals(entry.id()) || !owner.equals(ip) ? null
            : AssetRows.one(connection, owner);
        if (found != null && found.registryFields().isEmpty()) {
          Instant seen = found.lastSeen() == null ? importedAt : found.lastSeen();
          state = AssetMerge.discovered(state, found.asset(), seen);
          first = earliest(first, found.firstSeen());
          last = latest(last, found.lastSeen());
          folded.add(found);
        }
      }
      for (StoredAsset gone : folded) {
        delete(connection, gone.asset().id());
      }
      AssetMerge.State merged = AssetMerge.registry(state, entry, importedAt);
      return save(connection, merged, first, last, existing, merged.asset());
    }, "registry import of asset " + entry.id());
  }

  /**
   * Writes the merged row, the given asset's addresses, peers and attributes, and the conflicts.
   *
   * @return what a read of the asset gives now
   */
  private static StoredAsset save(Connection connection, AssetMerge.State merged, @Nullable Instant first,
      @Nullable Instant last, @Nullable StoredAsset existing, Asset children) throws SQLException {
    Asset a = merged.asset();
    boolean update = existing != null;
    String sql = update
        ? "UPDATE assets SET mac = ?, type = ?, vendor = ?, model = ?, firmware = ?, criticality = ?, zone = ?,"
            + " site = ?, location = ?, owner = ?, protocols = ?, roles = ?, registry_fields = ?, first_seen = ?,"
            + " last_seen = ? WHERE id = ?"
        : "INSERT INTO assets (mac, type, vendor, model, firmware, criticality, zone, site, location, owner,"
            + " protocols, roles, registry_fields, first_seen, last_seen, id, risk_score)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, a.mac());
      statement.setString(2, a.type());
      statement.setString(3, a.vendor());
      statement.setString(4, a.model());
      statement.setString(5, a.firmware());
      statement.setInt(6, a.criticality());
      statement.setString(7, a.zone().name());
      statement.setString(8, a.site());
      statement.setString(9, a.location());
      statement.setString(10, a.owner());
      statement.setString(11, joined(a.protocols(), "\n"));
      statement.setString(12, joined(a.roles(), "\n"));
      statement.setString(13, joined(merged.registryFields().stream().map(AssetField::key).collect(Collectors.toSet()), ","));
      setInstant(statement, 14, first);
      setInstant(statement, 15, last);
      statement.setString(16, a.id());
      statement.executeUpdate();
    }
    for (String ip : children.addresses()) {
      AssetChildren.claimAddress(connection, ip, a.id());
    }
    Set<String> kept = AssetChildren.addPeers(connection, a.id(), children.peers());
    AssetChildren.putAttributes(connection, a.id(), children.attributes());
    AssetChildren.replaceConflicts(connection, a.id(), merged.conflicts().values());
    // Built here rather than read back: an upsert is discovery's hot path.
    Map<String, String> attributes = new HashMap<>(a.attributes());
    attributes.remove(PEER_COUNT);
    Set<String> peers = a.peers();
    if (kept != null) {
      peers = kept.stream().sorted().limit(MAX_PEERS_SHOWN).collect(Collectors.toSet());
      attributes.put(PEER_COUNT, Integer.toString(kept.size()));
    } else if (existing != null && existing.asset().attributes().containsKey(PEER_COUNT)) {
      attributes.put(PEER_COUNT, existing.asset().attributes().get(PEER_COUNT));
    }
    Asset stored = new Asset(a.id(), a.addresses(), a.mac(), a.type(), a.vendor(), a.model(), a.firmware(),
        a.criticality(), a.zone(), a.site(), a.location(), a.owner(), a.protocols(), a.roles(), peers, attributes,
        a.riskScore(), a.riskReasons());
    List<AssetConflict> conflicts = merged.conflicts().values().stream()
        .sorted(Comparator.comparing(AssetConflict::field)).toList();
    return new StoredAsset(stored, first, last, merged.registryFields(), conflicts);
  }

  private static void setInstant(PreparedStatement statement, int index, @Nullable Instant value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }
  }

  private static @Nullable String joined(Set<String> values, String separator) {
    return values.isEmpty() ? null : values.stream().sorted().collect(Collectors.joining(separator));
  }

  @Override
  public boolean setRisk(String id, int score, List<String> reasons) {
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("risk score must be 0-100: " + score);
    }
    // One reason a line in the column: a reason never spans lines.
    String text = reasons.isEmpty() ? null
        : reasons.stream().map(r -> r.replace('\n', ' ').replace('\r', ' ')).collect(Collectors.joining("\n"));
    return write(connection -> {
      try (PreparedStatement statement =
          connection.prepareStatement("UPDATE assets SET risk_score = ?, risk_reasons = ? WHERE id = ?")) {
        statement.setInt(1, score);
        statement.setString(2, text);
        statement.setString(3, id);
        return statement.executeUpdate() > 0;
      }
    }, "risk update of asset " + id);
  }

  @Override
  public boolean delete(String id) {
    return write(connection -> delete(connection, id), "delete of asset " + id);
  }

  private static boolean delete(Connection connection, String id) throws SQLException {
    return AssetChildren.update(connection, "DELETE FROM assets WHERE id = ?", id) > 0;
  }

  @Override
  public Optional<StoredAsset> findByAddress(String ip) {
    return read(connection -> {
      String owner = AssetRows.ownerOf(connection, ip);
      return Optional.ofNullable(owner == null ? null : AssetRows.one(connection, owner));
    }, "find by address");
  }

  @Override
  public Optional<StoredAsset> findById(String id) {
    return read(connection -> Optional.ofNullable(AssetRows.one(connection, id)), "find by id");
  }

  @Override
  public List<StoredAsset> list() {
    return read(AssetRows::all, "list");
  }

  @Override
  public List<AssetConflict> conflicts() {
    return list().stream().flatMap(s -> s.conflicts().stream())
        .sorted(Comparator.comparing(AssetConflict::assetId).thenComparing(AssetConflict::field)).toList();
  }

  private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
