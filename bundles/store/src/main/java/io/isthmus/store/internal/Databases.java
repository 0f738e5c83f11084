package io.isthmus.store.internal;

import com.zaxxer.hikari.HikariDataSource;
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

  /**
   * A data source for a configured URL; only H2 and PostgreSQL URLs are accepted. PostgreSQL's opens a
   * new connection (a login) each time: the store component pools them with {@link #pooled}.
   */
  public static DataSource forUrl(String url, String user, String password) {
    if (url.startsWith("jdbc:h2:")) {
      return h2(url, user, password);
    }
    if (isPostgres(url)) {
      return postgres(url, user, password);
    }
    throw unsupported(url);
  }

  /**
   * A pool of PostgreSQL connections, as the store component opens it; its first connection is open.
   * Close it with {@link PostgresPool#close}.
   */
  public static HikariDataSource pooled(String url, String user, String password, PoolSettings settings) {
    if (!isPostgres(url)) {
      throw unsupported(url);
    }
    return PostgresPool.open(postgres(url, user, password), settings);
  }

  static boolean isPostgres(String url) {
    return url.startsWith("jdbc:postgresql:");
  }

  private static DataSource postgres(String url, String user, String password) {
    PGSimpleDataSource source = new PGSimpleDataSource();
    try {
      source.setURL(url);
    } catch (IllegalArgumentException e) {
      // The driver's message repeats the URL, which may carry a password.
      throw new IllegalArgumentException("invalid PostgreSQL URL: expected jdbc:postgresql://host:port/database");
    }
    source.setUser(user);
    source.setPassword(password);
    return source;
  }

  private static IllegalArgumentException unsupported(String url) {
    // Only the scheme goes into the message: a URL may carry a password.
    int schemeEnd = url.indexOf(':', url.indexOf(':') + 1);
    String scheme = schemeEnd > 0 ? url.substring(0, schemeEnd) : "(no scheme)";
    return new IllegalArgumentException("unsupported database URL scheme " + scheme + "; use jdbc:h2: or jdbc:postgresql:");
  }

  private static DataSource h2(String url, String user, String password) {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL(url);
    source.setUser(user);
    source.setPassword(password);
    return new CommitWritingDataSource(source);
  }
}
