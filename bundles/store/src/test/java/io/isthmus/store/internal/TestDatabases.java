package io.isthmus.store.internal;

import java.nio.file.Path;
import javax.sql.DataSource;

/** The bundle's own data sources, for tests of the area packages (Databases is package-private). */
public final class TestDatabases {

  private TestDatabases() {}

  /** The embedded H2 database in {@code directory}, opened exactly as the component opens it. */
  public static DataSource embedded(Path directory) {
    return Databases.embedded(directory);
  }

  public static DataSource forUrl(String url, String user, String password) {
    return Databases.forUrl(url, user, password);
  }

  /** The migrations of an area, as {@link Database#migrate} runs them. */
  public static int migrate(DataSource dataSource, String area) {
    return Migrations.migrate(dataSource, area);
  }
}
