package io.isthmus.capture.internal.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void showsTheShareReadTheSizesTheRateAndTheTimeLeft() {
    ProgressBar bar = new ProgressBar(System.err, "big.pcap", 100_000_000L);
    assertEquals("big.pcap [###############...............]  50%  50.0 MB / 100.0 MB  25.0 MB/s  ETA 2 s",
        bar.line(50_000_000L, 2.0));
  }

  @Test
  void drawsNothingForAShortDecode() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), "small.pcap", 1000);
    bar.update(500);
    bar.update(1000);
    bar.done();
    assertEquals(0, err.size());
  }

  @Test
  void redrawsInPlaceAndErasesItselfWhenDone() throws InterruptedException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), "slow.pcap", 1000);
    Thread.sleep(600);
    bar.update(400);
    bar.done();
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\rslow.pcap ["), text);
    assertTrue(text.endsWith("\r"), text);
    assertTrue(!text.contains("\n"), text);
  }
}
