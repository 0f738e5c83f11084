package io.isthmus.capture.internal.live;

import io.isthmus.api.pipeline.SourceStatus;
import java.util.Map;

/** Starts a live capture on the interface in args[0] and prints its status; run in a child JVM. */
public final class LiveProbe {
  private LiveProbe() {}

  public static void main(String[] args) throws Exception {
    LiveCapture live = new LiveCapture(new CollectingPipeline(16), Annotations.of(LiveConfig.class,
        Map.of("interface$", args[0])));
    live.activate();
    SourceStatus s = live.sourceStatus();
    live.deactivate();
    System.out.println("STATE " + s.state());
    System.out.println("PROBLEM " + s.problem());
  }
}
