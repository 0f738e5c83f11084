package io.isthmus.triage.internal;

import static io.isthmus.triage.internal.Findings.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.store.AlertStore;
import io.isthmus.store.internal.alerts.JdbcAlertStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Triage through the real alert store on embedded H2: a flood persisted, then resumed after a restart. */
class TriageOnH2StoreTest {

  @TempDir
  Path directory;

  AlertStore openStore() {
    // The store's embedded database and its alerts migrations, as its components open them.
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + directory.resolve("isthmus").toAbsolutePath());
    Flyway.configure().dataSource(dataSource).locations("classpath:db/" + JdbcAlertStore.AREA)
        .table("schema_history_" + JdbcAlertStore.AREA).load().migrate();
    return new JdbcAlertStore(dataSource);
  }

  @Test
  void floodIsPersistedAsOneAlertAndContinuesAfterRestart() throws Exception {
    AlertStore store = openStore();
    List<Alert> announced = new ArrayList<>();
    TriageEngine engine = new TriageEngine(store, ip -> Optional.empty(), List::of,
        (alert, raised) -> announced.add(alert), TriageEngineTest.WINDOW, 100);
    TriageLoop loop = new TriageLoop(new FindingIntake(1000, 16), engine, 512);
    for (int i = 0; i < 20_000; i++) {
      loop.intake().offer(Findings.programDownload("10.0.0.5", T0.plusMillis(i)));
    }
    while (!loop.intake().isEmpty()) {
      loop.step(0);
    }
    Alert stored = store.recent(10).get(0);
    assertEquals(1, store.recent(10).size());
    assertEquals(20_000, stored.count());
    assertEquals(announced.get(announced.size() - 1), stored, "the last announcement is what was committed");

    AlertStore reopened = openStore();
    TriageEngine afterRestart = new TriageEngine(reopened, ip -> Optional.empty(), List::of, (a, r) -> { },
        TriageEngineTest.WINDOW, 100);
    afterRestart.handle(Findings.programDownload("10.0.0.5", T0.plusSeconds(60)));
    afterRestart.flush();
    assertEquals(List.of(stored.id()), reopened.recent(10).stream().map(Alert::id).toList());
    assertEquals(20_001, reopened.findById(stored.id()).orElseThrow().count());
  }
}
