package io.isthmus.assets.internal;

import io.isthmus.api.store.AssetStore;
import io.isthmus.store.internal.AssetStoreComponent;
import io.isthmus.store.internal.SqlDatabase;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;

/** The real asset store (migrations included) on an embedded H2 database in a test's directory. */
final class TestStores {

  private TestStores() {}

  static AssetStore h2(Path directory) {
    JdbcDataSource source = new JdbcDataSource();
    // DB_CLOSE_DELAY=-1 keeps the database open between connections, as the store component's kept
    // connection does; otherwise every operation would open the file anew.
    source.setURL("jdbc:h2:file:" + directory.resolve("isthmus").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
    return new AssetStoreComponent(new SqlDatabase(source));
  }
}
