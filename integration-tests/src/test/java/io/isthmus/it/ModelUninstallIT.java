package io.isthmus.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.TelemetryPipeline;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * (c) Uninstalling a model bundle stops its findings while the pipeline keeps scoring.
 *
 * <p>When a model's service goes, the pipeline parks its lane and holds its events in case a
 * next version binds (the stop half of an update looks the same). An uninstalled bundle brings
 * no next version, so the lane is retired at once, long before the swap grace (30 s by default,
 * set much longer here so that waiting for it would fail the test), and scoring goes on.
 */
@RunWith(PaxExam.class)
public class ModelUninstallIT extends IsthmusTestSupport {
  static final String PIPELINE_PID = "io.isthmus.pipeline";

  static final long GRACE_MILLIS = 600_000;

  @Test
  public void uninstalledModelStopsFindingWhileThePipelineFlows() throws Exception {
    TelemetryPipeline pipeline = pipelineWithSwapGrace(GRACE_MILLIS);
    Bundle model = installCountingModel();
    String version = awaitCountingModel(v -> true, "registered");
    waitUntil("pipeline binds the model", () -> pipeline.status().models().contains("counting@" + version));

    try (FindingCollector collector = new FindingCollector(context);
         EventChannel channel = pipeline.openChannel("test", SourceKind.FILE_REPLAY);
         // 32 devices, each asked for a new operation every 100 of its events
         EventPublisher publisher = new EventPublisher(channel, 32, 100, 100).start()) {
      waitUntil("findings while the model is installed", () -> collector.from(COUNTING_ID).size() >= 32);

      model.uninstall();
      assertEquals(Bundle.UNINSTALLED, model.getState());
      // uninstall() returns after the model's service is gone and the pipeline let go of it
      int findingsAtUninstall = collector.from(COUNTING_ID).size();
      PipelineStatus atUninstall = pipeline.status();
      assertEquals(List.of(), atUninstall.models());
      waitUntil(() -> "the uninstalled model's lane is retired: " + pipeline.status(),
          () -> pipeline.status().parkedModels().isEmpty());

      // the stream goes on, with operations the model would have flagged
      waitUntil(() -> "events scored after the uninstall: " + pipeline.status(), () -> {
        PipelineStatus s = pipeline.status();
        return s.eventsScored() > atUninstall.eventsIn() + 20_000;
      });
      PipelineStatus later = pipeline.status();
      assertTrue("events keep coming in", later.eventsIn() > atUninstall.eventsIn());
      assertFalse("the model is still active: " + later.models(), later.models().stream().anyMatch(m -> m.startsWith("counting@")));
      assertEquals("findings from the uninstalled model", findingsAtUninstall, collector.from(COUNTING_ID).size());
      assertEquals("findings counted by the pipeline", atUninstall.findings(), later.findings());
      assertEquals(0, later.modelErrors());
    }
    PipelineStatus drained = awaitDrained(pipeline);
    assertEquals(drained.eventsIn(), drained.eventsScored());
    assertEquals(0, drained.eventsDropped());
  }

  /** Sets the pipeline's swap grace through Config Admin and returns the pipeline that DS activates with it. */
  private TelemetryPipeline pipelineWithSwapGrace(long millis) throws Exception {
    awaitService(TelemetryPipeline.class, null);
    ConfigurationAdmin configAdmin = awaitService(ConfigurationAdmin.class, null);
    Configuration config = configAdmin.getConfiguration(PIPELINE_PID, "?");
    Dictionary<String, Object> props = new Hashtable<>();
    props.put("swap.grace.ms", millis);
    config.update(props);
    // the component has no @Modified: DS deactivates it and activates a new one with the configuration
    return awaitService(TelemetryPipeline.class, "(swap.grace.ms=" + millis + ")");
  }
}
