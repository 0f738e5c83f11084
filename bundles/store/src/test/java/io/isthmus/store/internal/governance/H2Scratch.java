package io.isthmus.store.internal.governance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;

/**
 * An embedded H2 database in a directory, kept open between connections as DatabaseComponent keeps
 * it (H2 closes the file with its last connection, and concurrent opens and closes race).
 */
final class H2Scratch implements AutoCloseable {

  private final Path directory;
  private @Nullable Connection keepOpen;

  H2Scratch(Path directory) {
    this.directory = directory;
  }

  DataSource open() {
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

  /** Lets go of the database, as a stopped process does; the next {@link #open()} opens the file again. */
  @Override
  public void close() throws SQLException {
    if (keepOpen != null) {
      keepOpen.close();
      keepOpen = null;
    }
  }
}
