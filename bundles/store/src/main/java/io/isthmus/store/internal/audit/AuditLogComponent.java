package io.isthmus.store.internal.audit;

import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.AuditRecord;
import io.isthmus.store.internal.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes the audit log once its tables (area {@code audit}) are migrated. */
@Component(service = AuditLog.class)
public final class AuditLogComponent implements AuditLog {

  private static final Logger LOG = LoggerFactory.getLogger(AuditLogComponent.class);

  private final JdbcAuditLog log;

  @Activate
  public AuditLogComponent(@Reference Database database) {
    int applied = database.migrate(JdbcAuditLog.AREA);
    LOG.info("audit log: {} schema migration(s) applied", applied);
    log = new JdbcAuditLog(database.dataSource(), Clock.systemUTC());
  }

  @Deactivate
  void close() {
    log.close();
  }

  @Override
  public AuditRecord append(String type, String subjectId, String actor, List<String> links, String payloadJson) {
    return log.append(type, subjectId, actor, links, payloadJson);
  }

  @Override
  public List<AuditRecord> forSubject(String subjectId) {
    return log.forSubject(subjectId);
  }

  @Override
  public Optional<AuditRecord> last() {
    return log.last();
  }

  @Override
  public List<AuditRecord> read(long fromSequence, int limit) {
    return log.read(fromSequence, limit);
  }

  @Override
  public Optional<AuditRecord> lastOfType(String type) {
    return log.lastOfType(type);
  }

  @Override
  public long headSequence() {
    return log.headSequence();
  }
}
