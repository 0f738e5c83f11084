package io.isthmus.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.TelemetryPipeline;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

/** (a) A model bundle installed into the running host starts scoring events and its findings reach listeners. */
@RunWith(PaxExam.class)
public class ModelInstallIT extends IsthmusTestSupport {

  @Test
  public void modelInstalledAtRuntimeScoresEventsAndEmitsFindings() throws Exception {
    TelemetryPipeline pipeline = pipeline();
    assertRuntimeActive();
    assertTrue("no model before the test installs one: " + pipeline.status().models(), pipeline.status().models().isEmpty());

    try (FindingCollector collector = new FindingCollector(context);
         EventChannel channel = pipeline.openChannel("test", SourceKind.FILE_REPLAY)) {
      Bundle model = installCountingModel();
      assertEquals(Bundle.ACTIVE, model.getState());
      String version = awaitCountingModel(v -> true, "registered");
      assertEquals(model.getVersion().toString(), version);
      waitUntil("pipeline binds the counting model", () -> pipeline.status().models().contains("counting@" + version));

      // 20 reads to each of 5 devices: past the warm-up, but no operation is new yet
      for (int i = 0; i < 20; i++) {
        for (int d = 0; d < 5; d++) {
          assertTrue(channel.publish(event(d, "READ_HOLDING_REGISTERS")));
        }
      }
      awaitDrained(pipeline);
      assertEquals(100, countingTotal());
      assertTrue("no finding yet: " + collector.from(COUNTING_ID), collector.from(COUNTING_ID).isEmpty());

      // a write to device 3 is an operation it was never asked to do
      assertTrue(channel.publish(event(3, "WRITE_SINGLE_REGISTER")));
      for (int d = 0; d < 5; d++) {
        assertTrue(channel.publish(event(d, "READ_HOLDING_REGISTERS")));
      }
      awaitDrained(pipeline);
      assertEquals("the exported total grows with every event", 106, countingTotal());
      waitUntil("a finding from the counting model", () -> !collector.from(COUNTING_ID).isEmpty());
      List<Finding> findings = collector.from(COUNTING_ID);
      assertEquals(findings.toString(), 1, findings.size());
      Finding f = findings.get(0);
      assertEquals(deviceIp(3), f.device().ip());
      assertEquals(version, f.modelVersion());
      assertEquals(List.of("operation_not_seen_before:WRITE_SINGLE_REGISTER"), f.indicators());
      assertEquals(1, f.evidence().size());
      assertFalse(f.explanation().isBlank());

      assertEquals(106, channel.accepted());
      assertEquals(0, channel.dropped());
      assertEquals(1, pipeline.status().findings());
    }
  }
}
