package io.isthmus.store.internal.alerts;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.detection.Technique;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** How an alert maps to a row of table {@code alerts}, and the column limits a row must respect. */
final class AlertColumns {

  static final String SELECT = "SELECT id, group_key, device, asset_id, zone, criticality, protocol, severity_score,"
      + " anomaly_score, techniques, indicators, model_ids, finding_count, first_seen, last_seen, summary,"
      + " recommended_action, payload_sample, state FROM alerts";

  // Every column but id and update_seq, in the order write() binds them; then update_seq and id.
  static final String INSERT = "INSERT INTO alerts (group_key, device, asset_id, zone, criticality, protocol,"
      + " severity_score, anomaly_score, techniques, indicators, model_ids, finding_count, first_seen, last_seen,"
      + " summary, recommended_action, payload_sample, state, update_seq, id)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String UPDATE = "UPDATE alerts SET group_key = ?, device = ?, asset_id = ?, zone = ?, criticality = ?,"
      + " protocol = ?, severity_score = ?, anomaly_score = ?, techniques = ?, indicators = ?, model_ids = ?,"
      + " finding_count = ?, first_seen = ?, last_seen = ?, summary = ?, recommended_action = ?, payload_sample = ?,"
      + " state = ?, update_seq = ? WHERE id = ?";

  private AlertColumns() {}

  /** Binds the alert to INSERT or UPDATE; throws IllegalArgumentException when a value does not fit its column. */
  static void bind(PreparedStatement statement, Alert alert, long updateSeq) throws SQLException {
    statement.setString(1, fit("group key", alert.groupKey(), 1000, alert));
    statement.setString(2, fit("device", alert.device(), 45, alert));
    statement.setString(3, alert.assetId() == null ? null : fit("asset id", alert.assetId(), 200, alert));
    statement.setString(4, alert.zone().name());
    statement.setInt(5, alert.criticality());
    statement.setString(6, fit("protocol", alert.protocol(), 32, alert));
    statement.setInt(7, alert.severityScore());
    statement.setDouble(8, alert.anomalyScore());
    statement.setString(9, fit("techniques", techniques(alert.techniques()), 4000, alert));
    statement.setString(10, fit("indicators", lines(alert.indicators()), 8000, alert));
    statement.setString(11, fit("model ids", lines(alert.modelIds().stream().sorted().toList()), 2000, alert));
    statement.setLong(12, alert.count());
    statement.setObject(13, OffsetDateTime.ofInstant(alert.firstSeen(), ZoneOffset.UTC));
    statement.setObject(14, OffsetDateTime.ofInstant(alert.lastSeen(), ZoneOffset.UTC));
    statement.setString(15, fit("summary", alert.summary(), 8000, alert));
    statement.setString(16, fit("recommended action", alert.recommendedAction(), 2000, alert));
    statement.setString(17, fit("payload sample", alert.payloadSample(), 2000, alert));
    statement.setString(18, alert.state().name());
    statement.setLong(19, updateSeq);
    statement.setString(20, fit("id", alert.id(), 64, alert));
  }

  static Alert read(ResultSet row) throws SQLException {
    return new Alert(
        row.getString("id"),
        row.getString("group_key"),
        row.getString("device"),
        row.getString("asset_id"),
        Zone.valueOf(row.getString("zone")),
        row.getInt("criticality"),
        row.getString("protocol"),
        row.getInt("severity_score"),
        row.getDouble("anomaly_score"),
        techniques(row.getString("techniques")),
        split(row.getString("indicators")),
        new LinkedHashSet<>(split(row.getString("model_ids"))),
        row.getLong("finding_count"),
        instant(row, "first_seen"),
        instant(row, "last_seen"),
        row.getString("summary"),
        row.getString("recommended_action"),
        row.getString("payload_sample"),
        Alert.State.valueOf(row.getString("state")));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static String fit(String what, String value, int max, Alert alert) {
    if (value.length() > max) {
      throw new IllegalArgumentException("alert " + alert.id() + ": " + what + " has " + value.length()
          + " characters, at most " + max + " are stored");
    }
    return value;
  }

  private static String lines(List<String> values) {
    for (String value : values) {
      if (value.indexOf('\n') >= 0 || value.indexOf('\t') >= 0) {
        throw new IllegalArgumentException("a stored list value holds a line break or tab: " + value);
      }
    }
    return String.join("\n", values);
  }

  private static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : List.of(joined.split("\n", -1));
  }

  private static String techniques(List<Technique> techniques) {
    List<String> rows = new ArrayList<>();
    for (Technique t : techniques) {
      rows.add(lines(List.of(t.id())) + "\t" + lines(List.of(t.name())) + "\t" + lines(List.of(t.tactic())));
    }
    return String.join("\n", rows);
  }

  private static List<Technique> techniques(String joined) {
    List<Technique> techniques = new ArrayList<>();
    for (String line : split(joined)) {
      String[] parts = line.split("\t", -1);
      techniques.add(new Technique(parts[0], parts[1], parts[2]));
    }
    return techniques;
  }
}
