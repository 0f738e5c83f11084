package io.isthmus.store.internal.governance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded H2 database, in a file under a temporary directory. */
class H2GovernanceRaceTest extends GovernanceRaceContract {

  @TempDir
  Path directory;

  // As in DatabaseComponent: H2 closes the file with its last connection, so one is kept open.
  private @Nullable Connection keepOpen;

  @Override
  DataSource openDatabase() {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:file:" + directory.resolve("isthmus").toAbsolutePath());
    if (keepOpen == null) {
      try {
        keepOpen = source.getConnection();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return source;
  }

  @AfterEach
  void closeKept() throws SQLException {
    if (keepOpen != null) {
      keepOpen.close();
      keepOpen = null;
    }
  }
}
