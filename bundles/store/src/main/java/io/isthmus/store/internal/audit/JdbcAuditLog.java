package io.isthmus.store.internal.audit;

import com.zaxxer.hikari.HikariDataSource;
import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.AuditRecord;
import io.isthmus.api.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit log over plain JDBC, for H2 and PostgreSQL alike. */
public final class JdbcAuditLog implements AuditLog {

  /** The area's tables and migrations: {@code db/audit}. */
  public static final String AREA = "audit";

  static final int MAX_PAYLOAD_CHARS = 1_000_000;
  private static final int MAX_TEXT_CHARS = 512;
  private static final int MAX_LINKS_CHARS = 65_536;
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
  private static final String COLUMNS =
      "sequence, recorded_at, type, subject_id, actor, links, payload, previous_hash, hash";
  private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);

  private final DataSource dataSource;
  private final Clock clock;
  private final boolean keepsAppendConnection;
  private final AtomicLong rejected = new AtomicLong();
  private @Nullable Connection appendConnection;

  public JdbcAuditLog(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.keepsAppendConnection = !pooled(dataSource);
  }

  // From the store's pool a connection costs nothing measurable (appends/s alike, docs/benchmarks.md), and
  // handing it back lets the pool check it, keep it alive and renew it; holding it would pin one of the pool's
  // connections and keep a broken one until an append failed on it.
  private static boolean pooled(DataSource dataSource) {
    try {
      return dataSource.isWrapperFor(HikariDataSource.class);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Appends refused because of their content (not store failures) since this instance was created. */
  public long rejectedCount() {
    return rejected.get();
  }

  // Synchronized: appends of one process queue here instead of on the database lock (H2's lock
  // timeout would fail them under load); the head row's lock serialises processes on PostgreSQL.
  @Override
  public synchronized AuditRecord append(String type, String subjectId, String actor, List<String> links,
      String payloadJson) {
    String payload;
    String linksJson;
    try {
      payload = checkedPayload(type, subjectId, actor, payloadJson);
      linksJson = CanonicalJson.stringArray(links);
      if (linksJson.length() > MAX_LINKS_CHARS) {
        throw new IllegalArgumentException("links take " + linksJson.length() + " characters; at most " + MAX_LINKS_CHARS);
      }
    } catch (IllegalArgumentException e) {
      long count = rejected.incrementAndGet();
      LOG.warn("audit: append of a {} record about {} refused ({} refused so far): {}", type, subjectId, count, e.getMessage());
      throw new StoreException("audit record refused: " + e.getMessage(), e);
    }
    try {
      Connection connection = appendConnection();
      try {
        AuditRecord record = append(connection, type, subjectId, actor, links, linksJson, payload);
        connection.commit();
        if (!keepsAppendConnection) {
          closeAppendConnection();
        }
        return record;
      } catch (SQLException | RuntimeException e) {
        // Not retried: if the commit itself failed, the record may be stored, and a retry would add it twice.
        closeAppendConnection();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("audit append of a " + type + " record about " + subjectId + " failed", e);
    }
  }

  // Without a pool, appends (serialised anyway) share one connection: opening one per append costs a
  // PostgreSQL login (SCRAM) each time, which capped appends at a few dozen a second.
  private Connection appendConnection() throws SQLException {
    if (appendConnection == null) {
      // The store's data sources make each commit durable (H2: written before commit returns).
      Connection connection = dataSource.getConnection();
      connection.setAutoCommit(false);
      appendConnection = connection;
    }
    return appendConnection;
  }

  private void closeAppendConnection() {
    Connection connection = appendConnection;
    appendConnection = null;
    if (connection != null) {
      try {
        connection.close();  // rolls back what was not committed
      } catch (SQLException e) {
        LOG.debug("audit: closing the append connection failed", e);
      }
    }
  }

  /** Closes the connection appends use; a later append opens a new one. */
  public synchronized void close() {
    closeAppendConnection();
  }

  private static String checkedPayload(String type, String subjectId, String actor, String payloadJson) {
    if (!TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("type must be 1-64 lower-case letters, digits, _ or -, starting with a letter: "
          + AuditRecord.quote(type.length() > 80 ? type.substring(0, 80) + "..." : type));
    }
    if (subjectId.length() > MAX_TEXT_CHARS || actor.length() > MAX_TEXT_CHARS) {
      throw new IllegalArgumentException("subject id and actor are limited to " + MAX_TEXT_CHARS + " characters");
    }
    if (payloadJson.length() > MAX_PAYLOAD_CHARS) {
      throw new IllegalArgumentException("payload has " + payloadJson.length() + " characters; at most " + MAX_PAYLOAD_CHARS);
    }
    String canonical = CanonicalJson.canonicalObject(payloadJson);
    if (canonical.length() > MAX_PAYLOAD_CHARS) {
      throw new IllegalArgumentException("canonical payload has " + canonical.length() + " characters; at most " + MAX_PAYLOAD_CHARS);
    }
    return canonical;
  }

  private AuditRecord append(Connection connection, String type, String subjectId, String actor, List<String> links,
      String linksJson, String payload) throws SQLException {
    long headSequence;
    String headHash;
    try (PreparedStatement lock = connection.prepareStatement("SELECT sequence, hash FROM audit_head WHERE id = 1 FOR UPDATE");
        ResultSet head = lock.executeQuery()) {
      if (!head.next()) {
        throw new SQLException("the audit log's head row is missing");
      }
      headSequence = head.getLong(1);
      headHash = head.getString(2);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AuditRecord unhashed = new AuditRecord(headSequence + 1, now, type, subjectId, actor, links, payload, headHash, "");
    AuditRecord record = new AuditRecord(unhashed.sequence(), now, type, subjectId, actor, links, payload, headHash,
        unhashed.computeHash());
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_records (" + COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, record.sequence());
      insert.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      insert.setString(3, type);
      insert.setString(4, subjectId);
      insert.setString(5, actor);
      insert.setString(6, linksJson);
      insert.setString(7, payload);
      insert.setString(8, headHash);
      insert.setString(9, record.hash());
      insert.executeUpdate();
    }
    try (PreparedStatement update = connection.prepareStatement("UPDATE audit_head SET sequence = ?, hash = ? WHERE id = 1")) {
      update.setLong(1, record.sequence());
      update.setString(2, record.hash());
      update.executeUpdate();
    }
    return record;
  }

  @Override
  public List<AuditRecord> forSubject(String subjectId) {
    return query("SELECT " + COLUMNS + " FROM audit_records WHERE subject_id = ? ORDER BY sequence", subjectId);
  }

  @Override
  public Optional<AuditRecord> last() {
    return query("SELECT " + COLUMNS + " FROM audit_records ORDER BY sequence DESC LIMIT 1").stream().findFirst();
  }

  @Override
  public List<AuditRecord> read(long fromSequence, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    return query("SELECT " + COLUMNS + " FROM audit_records WHERE sequence >= ? ORDER BY sequence LIMIT " + limit,
        fromSequence);
  }

  @Override
  public Optional<AuditRecord> lastOfType(String type) {
    return query("SELECT " + COLUMNS + " FROM audit_records WHERE type = ? ORDER BY sequence DESC LIMIT 1", type)
        .stream().findFirst();
  }

  @Override
  public long headSequence() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT sequence FROM audit_head WHERE id = 1");
        ResultSet head = select.executeQuery()) {
      return head.next() ? head.getLong(1) : 0;
    } catch (SQLException e) {
      throw new StoreException("reading the audit log's head failed", e);
    }
  }

  private List<AuditRecord> query(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setObject(i + 1, parameters[i]);
      }
      List<AuditRecord> records = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          records.add(StoredRecords.fromRow(rows));
        }
      }
      return records;
    } catch (SQLException e) {
      throw new StoreException("reading the audit log failed", e);
    }
  }
}
