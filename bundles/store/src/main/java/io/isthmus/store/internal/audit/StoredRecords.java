package io.isthmus.store.internal.audit;

import io.isthmus.api.governance.AuditRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Turns a stored row back into a record as it is stored, so a verifier sees every change. A row that
 * cannot be a valid record (links not canonical, a sequence below 1) still becomes one, in a form
 * whose hash cannot match.
 */
final class StoredRecords {

  private StoredRecords() {}

  static AuditRecord fromRow(ResultSet row) throws SQLException {
    long sequence = row.getLong("sequence");
    Instant time = row.getObject("recorded_at", OffsetDateTime.class).toInstant();
    String linksJson = text(row, "links");
    List<String> links = CanonicalJson.parseStringArray(linksJson);
    return new AuditRecord(
        Math.max(sequence, 1),
        time,
        text(row, "type"),
        text(row, "subject_id"),
        text(row, "actor"),
        // Not a canonical array of strings: the stored text as the one link, which changes the hash.
        links != null ? links : List.of(linksJson),
        text(row, "payload"),
        text(row, "previous_hash"),
        sequence < 1 ? "sequence " + sequence : text(row, "hash"));
  }

  private static String text(ResultSet row, String column) throws SQLException {
    return Objects.requireNonNullElse(row.getString(column), "");
  }
}
