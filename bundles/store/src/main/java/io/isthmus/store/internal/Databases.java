package io.isthmus.store.internal;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Data sources built directly from the drivers embedded in this bundle; DriverManager is avoided because
 * under OSGi it looks drivers up through the caller's class loader.
 */
public final class Databases {

  private Databases() {}

  /** The embedded H2 database kept in {@code directory}. */
  public static DataSource embedded(Path directory) {
    // AUTO_SERVER is off on purpose: it would open a TCP port on the machine's address. One process owns
    // the file; a command run while the runtime holds it is told so by DatabaseComponent.
    return h2("jdbc:h2:file:" + directory.resolve("isthmus").toAbsolutePath(), "", "");
  }

  /** A data source for a configured URL; only H2 and PostgreSQL URLs are accepted. */
  public static DataSource forUrl(String url, String user, String password) {
    if (url.startsWith("jdbc:h2:")) {
      return h2(url, user, password);
    }
    if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource source = new PGSimpleDataSource();
      source.setURL(url);
      source.setUser(user);
      source.setPassword(password);
      return source;
    }
    // Only the scheme goes into the message: a URL may carry a password.
    int schemeEnd = url.indexOf(':', url.indexOf(':') + 1);
    String scheme = schemeEnd > 0 ? url.substring(0, schemeEnd) : "(no scheme)";
    throw new IllegalArgumentException("unsupported database URL scheme " + scheme + "; use jdbc:h2: or jdbc:postgresql:");
  }

  private static DataSource h2(String url, String user, String password) {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL(url);
    source.setUser(user);
    source.setPassword(password);
    return new CommitWritingDataSource(source);
  }
}
