package io.isthmus.capture.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.isthmus.api.pipeline.SourceStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every way a live capture cannot start is one log line and a FAILED status, never a stack trace. */
class LiveFailureTest {

  @Test
  void badFilterIsOneLineAndAFailedSource() throws Exception {
    Capture.assumeCanCapture();
    SourceStatus s = startOnce(Map.of("interface$", "lo", "filter", "tcp prot 502"), "does not compile");
    assertTrue(s.problem().startsWith("the BPF filter \"tcp prot 502\" for lo does not compile: "), s.problem());
  }

  @Test
  void missingInterfaceIsOneLine() throws Exception {
    Capture.assumeCanCapture();
    SourceStatus s = startOnce(Map.of("interface$", "isthmus-none0"), "no network interface named isthmus-none0");
    assertEquals(0, s.packets());
  }

  @Test
  void emptyInterfaceIsOneLine() throws Exception {
    startOnce(Map.of("interface$", " "), "no interface configured");
  }

  @Test
  void missingLibpcapIsOneLine() {
    LiveCaptureException e = assertThrows(LiveCaptureException.class,
        () -> LibPcap.find(List.of("isthmus-no-such-pcap", "libisthmus-no-such-pcap.so.0.8")));
    assertEquals("libpcap is not installed (none of isthmus-no-such-pcap, libisthmus-no-such-pcap.so.0.8 loads); "
        + "install it, e.g. apt-get install libpcap0.8", e.getMessage());
    assertEquals(0, e.getStackTrace().length, "the reason is the message; there is no trace to print");
  }

  /** A child JVM whose capabilities lack CAP_NET_RAW (setpriv drops it from the bounding set). */
  @Test
  void withoutCapNetRawTheReasonIsOneLine() throws Exception {
    Capture.assumeCanCapture();
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) is missing");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p = new ProcessBuilder("/usr/bin/setpriv", "--inh-caps=-net_raw,-net_admin",
        "--bounding-set=-net_raw,-net_admin", "--", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, LiveProbe.class.getName(), "lo").start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(!err.contains("setpriv:"), "setpriv cannot drop capabilities here: " + err);
    assertEquals(0, p.exitValue(), out + err);
    assertTrue(out.contains("STATE FAILED"), out + err);
    assertTrue(out.contains("PROBLEM no permission to capture on lo: the process needs CAP_NET_RAW"), out + err);
    assertOneErrorLine(err, "CAP_NET_RAW");
  }

  @Test
  void permissionMessageNamesTheCapability() {
    String line = PcapCapture.activationFailure("eth1", LibPcap.ERROR_PERM_DENIED, "permission denied",
        "Attempt to create packet socket failed\n- CAP_NET_RAW may be required");
    assertEquals("no permission to capture on eth1: the process needs CAP_NET_RAW (run as root, or grant it with "
        + "setcap cap_net_raw,cap_net_admin+eip to the java binary) (Attempt to create packet socket failed - "
        + "CAP_NET_RAW may be required)", line);
    assertEquals("network interface eth1 is down", PcapCapture.activationFailure("eth1", LibPcap.ERROR_IFACE_NOT_UP,
        "That device is not up", ""));
  }

  private static SourceStatus startOnce(Map<String, ?> config, String reason) throws Exception {
    CollectingPipeline pipeline = new CollectingPipeline(16);
    LiveCapture live = new LiveCapture(pipeline, Annotations.of(LiveConfig.class, config));
    SourceStatus[] status = new SourceStatus[1];
    String err = Capture.stderrOf(() -> {
      live.activate();
      status[0] = live.sourceStatus();
      live.deactivate();
      return null;
    });
    SourceStatus s = status[0];
    assertEquals(SourceStatus.State.FAILED, s.state());
    assertTrue(s.problem() != null && s.problem().contains(reason), s.problem());
    assertFalse(s.problem().contains("\n"), s.problem());
    assertEquals(SourceStatus.State.FAILED, live.sourceStatus().state(), "stopping keeps the failure visible");
    assertTrue(pipeline.opened.isEmpty(), "no channel for a source that never ran");
    assertOneErrorLine(err, reason);
    return s;
  }

  private static void assertOneErrorLine(String log, String reason) {
    List<String> lines = log.lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), "one line: " + log);
    assertTrue(lines.get(0).contains("ERROR") && lines.get(0).contains(reason), log);
  }
}
