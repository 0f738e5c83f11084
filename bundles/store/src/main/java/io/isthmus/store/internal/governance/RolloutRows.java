package io.isthmus.store.internal.governance;

import static io.isthmus.store.internal.governance.GovernanceRows.time;

import io.isthmus.api.governance.RolloutMode;
import io.isthmus.api.governance.RolloutSetting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Rollout settings in {@code gov_rollout}, one row per scope. */
final class RolloutRows {

  private RolloutRows() {}

  static List<RolloutSetting> all(Connection c) throws SQLException {
    List<RolloutSetting> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT scope, mode, is_override, actor, reason, set_at FROM gov_rollout ORDER BY scope");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(new RolloutSetting(r.getString(1), RolloutMode.valueOf(r.getString(2)), r.getBoolean(3),
            r.getString(4), r.getString(5), r.getObject(6, OffsetDateTime.class).toInstant()));
      }
    }
    return out;
  }

  static void save(Connection c, RolloutSetting setting) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM gov_rollout WHERE scope = ?")) {
      delete.setString(1, setting.scope());
      delete.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO gov_rollout (scope, mode, is_override, actor, reason, set_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setString(1, setting.scope());
      s.setString(2, setting.mode().name());
      s.setBoolean(3, setting.override());
      s.setString(4, setting.actor());
      s.setString(5, setting.reason());
      s.setObject(6, time(setting.at()));
      s.executeUpdate();
    }
  }
}
