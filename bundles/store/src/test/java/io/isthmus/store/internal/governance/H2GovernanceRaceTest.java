package io.isthmus.store.internal.governance;

import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded H2 database, in a file under a temporary directory. */
class H2GovernanceRaceTest extends GovernanceRaceContract {

  @TempDir
  Path directory;
  private H2Scratch h2;

  @Override
  DataSource openDatabase() {
    if (h2 == null) {
      h2 = new H2Scratch(directory);
    }
    return h2.open();
  }

  @AfterEach
  void closeH2() throws SQLException {
    h2.close();
  }
}
