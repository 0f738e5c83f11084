package io.isthmus.store.internal.alerts;

import io.isthmus.store.internal.Databases;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** The alert store on the embedded H2 database, in a file under a temporary directory. */
class H2AlertStoreTest extends AlertStoreContract {

  @TempDir
  Path directory;

  @Override
  DataSource openDatabase() {
    return Databases.embedded(directory);
  }
}
