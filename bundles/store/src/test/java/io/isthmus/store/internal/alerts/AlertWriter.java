package io.isthmus.store.internal.alerts;

import io.isthmus.api.alert.Alert;
import io.isthmus.store.internal.Databases;
import io.isthmus.store.internal.TestDatabases;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The child process of {@link AlertStoreKillTest}: writes alerts in a loop, as triage does (batches
 * of new alerts plus an update of one hot alert), and prints each id once its batch is committed.
 * Arguments: {@code h2 <directory>} or {@code pg <url>} (user and password from the environment).
 */
public final class AlertWriter {

  static final int BATCH = 5;
  static final String HOT = "hot";

  private AlertWriter() {}

  /** The alert the writer saves as number {@code i}; the test rebuilds it to compare. */
  static Alert numbered(long i) {
    return AlertStoreContract.alert("k-" + i, "group-" + (i % 97), i + 1, AlertStoreContract.T1.plusSeconds(i),
        Alert.State.OPEN);
  }

  static Alert hot(long count) {
    return AlertStoreContract.alert(HOT, "hot-group", count, AlertStoreContract.T1.plusSeconds(count), Alert.State.OPEN);
  }

  public static void main(String[] args) throws SQLException {
    boolean h2 = args[0].equals("h2");
    DataSource dataSource = h2 ? Databases.embedded(Path.of(args[1])) : PgScratch.open(args[1]);
    // DatabaseComponent keeps one H2 connection open for its lifetime, so the file stays open between writes.
    Connection keepOpen = h2 ? dataSource.getConnection() : null;
    TestDatabases.migrate(dataSource, JdbcAlertStore.AREA);
    JdbcAlertStore store = new JdbcAlertStore(dataSource);
    PrintStream out = System.out;
    out.println("ready");
    out.flush();
    for (long batch = 0; ; batch++) {
      List<Alert> alerts = new ArrayList<>();
      for (long i = batch * BATCH; i < (batch + 1) * BATCH; i++) {
        alerts.add(numbered(i));
      }
      alerts.add(hot(batch + 1));
      store.saveAll(alerts);
      StringBuilder committed = new StringBuilder();
      for (Alert alert : alerts) {
        committed.append(alert.id().equals(HOT) ? HOT + " " + alert.count() : alert.id()).append('\n');
      }
      out.print(committed);
      out.flush();
    }
  }
}
