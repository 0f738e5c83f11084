package io.isthmus.store.internal.alerts;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.store.AlertStore;
import io.isthmus.api.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Alerts over plain JDBC, for H2 and PostgreSQL alike. */
public final class JdbcAlertStore implements AlertStore {

  /** The area's tables and migrations: {@code db/alerts}. */
  public static final String AREA = "alerts";

  /** The most {@link #recent} returns, whatever is asked. */
  static final int MAX_RECENT = 1000;

  private final DataSource dataSource;
  private long updateSeq;

  /**
   * @param dataSource the store's data source; for H2 it must be one of {@code Databases}', whose commits
   *     reach the file before they return (AlertStoreKillTest shows H2 losing them otherwise)
   */
  public JdbcAlertStore(DataSource dataSource) {
    this.dataSource = dataSource;
    this.updateSeq = read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT MAX(update_seq) FROM alerts"); ResultSet r = s.executeQuery()) {
        return r.next() ? r.getLong(1) : 0L;
      }
    }, "reading the latest update sequence");
  }

  @Override
  public Alert save(Alert alert) {
    saveAll(List.of(alert));
    return alert;
  }

  // Synchronized: the update sequence follows commit order, and saves of one process never interleave.
  @Override
  public synchronized void saveAll(List<Alert> alerts) {
    if (alerts.isEmpty()) {
      return;
    }
    long seq = updateSeq;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        for (Alert alert : alerts) {
          write(connection, alert, ++seq);
        }
        connection.commit();
        updateSeq = seq;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("saving " + alerts.size() + " alert(s) failed", e);
    } catch (IllegalArgumentException e) {
      throw new StoreException("saving " + alerts.size() + " alert(s) failed: " + e.getMessage(), e);
    }
  }

  private static void write(Connection connection, Alert alert, long seq) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(AlertColumns.UPDATE)) {
      AlertColumns.bind(update, alert, seq);
      if (update.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(AlertColumns.INSERT)) {
      AlertColumns.bind(insert, alert, seq);
      insert.executeUpdate();
    }
  }

  @Override
  public Optional<Alert> findById(String id) {
    return first(query(AlertColumns.SELECT + " WHERE id = ?", id, 1), "find alert by id");
  }

  @Override
  public Optional<Alert> findOpenByGroupKey(String groupKey) {
    return first(query(AlertColumns.SELECT + " WHERE group_key = ? AND state <> 'CLOSED'"
        + " ORDER BY last_seen DESC, update_seq DESC", groupKey, 1), "find open alert of a group");
  }

  @Override
  public List<Alert> recent(int limit) {
    int rows = Math.max(0, Math.min(limit, MAX_RECENT));
    return read(query(AlertColumns.SELECT + " ORDER BY update_seq DESC", null, rows), "list recent alerts");
  }

  private static Optional<Alert> first(List<Alert> found) {
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private Optional<Alert> first(Query<List<Alert>> query, String what) {
    return first(read(query, what));
  }

  private static Query<List<Alert>> query(String sql, @Nullable String key, int maxRows) {
    return connection -> {
      List<Alert> alerts = new ArrayList<>();
      if (maxRows == 0) {
        return alerts;
      }
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setMaxRows(maxRows);
        if (key != null) {
          statement.setString(1, key);
        }
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            alerts.add(AlertColumns.read(rows));
          }
        }
      }
      return alerts;
    };
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
}
