package io.isthmus.store.internal;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** The store on the embedded H2 database, in a file under a temporary directory. */
class H2AssetStoreTest extends AssetStoreContract implements RegistryMergeContract {

  @TempDir
  Path directory;

  @Override
  DataSource openDatabase() {
    return Databases.embedded(directory);
  }
}
