package io.isthmus.store.internal.governance;

import io.isthmus.api.governance.PolicyPackFiles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The accepted policy bundle revisions in {@code gov_policy_files}, one row per file. */
final class PolicyPackRows {

  private PolicyPackRows() {}

  static void save(Connection c, PolicyPackFiles pack) throws SQLException {
    delete(c, pack.bundle());
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO gov_policy_files (bundle, version, file_name, content) VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, String> f : new TreeMap<>(pack.files()).entrySet()) {
        s.setString(1, pack.bundle());
        s.setString(2, pack.version());
        s.setString(3, f.getKey());
        s.setString(4, f.getValue());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  static Optional<PolicyPackFiles> find(Connection c, String bundle) throws SQLException {
    Map<String, String> files = new TreeMap<>();
    String version = null;
    try (PreparedStatement s = c.prepareStatement(
        "SELECT version, file_name, content FROM gov_policy_files WHERE bundle = ? ORDER BY file_name")) {
      s.setString(1, bundle);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          version = r.getString(1);
          files.put(r.getString(2), r.getString(3));
        }
      }
    }
    return version == null ? Optional.empty() : Optional.of(new PolicyPackFiles(bundle, version, files));
  }

  static void delete(Connection c, String bundle) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM gov_policy_files WHERE bundle = ?")) {
      s.setString(1, bundle);
      s.executeUpdate();
    }
  }
}
