package io.isthmus.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.governance.AuditRecord;
import io.isthmus.store.internal.audit.JdbcAuditLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts into the real audit log on H2: what is recorded, and that a refusal does not reach triage. */
class AlertAuditorTest {

  private static final Instant FIRST = Instant.parse("2026-05-01T08:00:00.250Z");

  @TempDir
  Path data;

  private JdbcAuditLog log;
  private AlertAuditor auditor;

  @BeforeEach
  void open() {
    log = TestDatabases.auditLog(TestDatabases.h2Url(data));
    auditor = new AlertAuditor(log);
  }

  static Alert alert(String id, int severityScore, long count, Alert.State state) {
    return new Alert(id, "10.0.0.5|T0855|counting", "10.0.0.5", null, Zone.OT_CONTROL, 4, "modbus", severityScore, 0.91,
        List.of(new Technique("T0855", "Unauthorized Command Message", "Impair Process Control")),
        List.of("write_rate_5x_baseline", "fc:16"), Set.of("counting", "baseline"), count, FIRST, FIRST.plusSeconds(count),
        "Writes to holding registers at five times the usual rate", "Check who commands the PLC", "fc=16 addr=40001 qty=10",
        state);
  }

  @Test
  void recordsRaisedAlertsWithTheirAnomalyAndOnlyChangesThatMatter() {
    auditor.onAlert(alert("a-1", 65, 1, Alert.State.OPEN), true);
    auditor.onAlert(alert("a-1", 70, 2, Alert.State.OPEN), false);
    auditor.onAlert(alert("a-1", 85, 3, Alert.State.OPEN), false);
    auditor.onAlert(alert("a-1", 85, 4, Alert.State.ACKNOWLEDGED), false);

    List<AuditRecord> records = log.forSubject("a-1");
    assertEquals(3, records.size(), "raised, HIGH to CRITICAL, OPEN to ACKNOWLEDGED; not the count bump within HIGH");
    assertEquals(List.of("alert", "alert", "alert"), records.stream().map(AuditRecord::type).toList());
    assertEquals("{\"alert\":{\"assetId\":null,\"count\":1,\"criticality\":4,\"firstSeen\":\"2026-05-01T08:00:00.250Z\","
        + "\"groupKey\":\"10.0.0.5|T0855|counting\",\"id\":\"a-1\",\"lastSeen\":\"2026-05-01T08:00:01.250Z\","
        + "\"recommendedAction\":\"Check who commands the PLC\",\"severity\":\"HIGH\",\"severityScore\":65,\"state\":\"OPEN\","
        + "\"summary\":\"Writes to holding registers at five times the usual rate\",\"zone\":\"OT_CONTROL\"},"
        + "\"anomaly\":{\"device\":\"10.0.0.5\",\"evidenceSample\":\"fc=16 addr=40001 qty=10\","
        + "\"indicators\":[\"write_rate_5x_baseline\",\"fc:16\"],\"models\":[\"baseline\",\"counting\"],\"protocol\":\"modbus\","
        + "\"score\":0.91,\"techniques\":[{\"id\":\"T0855\",\"name\":\"Unauthorized Command Message\","
        + "\"tactic\":\"Impair Process Control\"}]},\"event\":\"raised\"}", records.get(0).payloadJson());
    assertEquals("triage", records.get(0).actor());
  }

  @Test
  void textThatIsNotValidUnicodeStillGetsTheAlertRecorded() {
    // A lone surrogate (say from a decoded device name) has no UTF-8 form: the store refuses it in a payload,
    // so the payload writer replaces it with U+FFFD rather than lose the alert's record.
    Alert odd = alert("a-3", 65, 1, Alert.State.OPEN);
    odd = new Alert(odd.id(), odd.groupKey(), odd.device(), odd.assetId(), odd.zone(), odd.criticality(), odd.protocol(),
        odd.severityScore(), odd.anomalyScore(), odd.techniques(), odd.indicators(), odd.modelIds(), odd.count(),
        odd.firstSeen(), odd.lastSeen(), "PLC \"name\"\n\ud800 and \u2028", odd.recommendedAction(), odd.payloadSample(),
        odd.state());

    auditor.onAlert(odd, true);

    assertEquals(0, log.rejectedCount());
    String payload = log.forSubject("a-3").get(0).payloadJson();
    assertTrue(payload.contains("\"summary\":\"PLC \\\"name\\\"\\n\ufffd and \u2028\""), payload);
  }

  @Test
  void aRefusedRecordIsLoggedNotThrownAndRetriedOnTheNextUpdate() {
    String tooLong = "a".repeat(600);
    auditor.onAlert(alert(tooLong, 65, 1, Alert.State.OPEN), true);
    assertEquals(0, log.headSequence());
    assertEquals(1, log.rejectedCount());
    auditor.onAlert(alert("a-2", 65, 1, Alert.State.OPEN), false);
    assertEquals(1, log.headSequence(), "an update of an alert never recorded (e.g. after a restart) is recorded");
  }
}
