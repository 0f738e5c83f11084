package io.isthmus.store.internal.audit;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** The audit log on the embedded H2 database, in a file under a temporary directory. */
class H2AuditLogTest extends AuditLogContract {

  @TempDir
  Path directory;

  @Override
  DataSource openDatabase() {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:file:" + directory.resolve("isthmus").toAbsolutePath());
    return source;
  }
}
