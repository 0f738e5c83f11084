package io.isthmus.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.pipeline.Backpressure;
import io.isthmus.api.pipeline.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackpressurePolicyTest {

  private static BackpressurePolicy parse(String... entries) {
    return BackpressurePolicy.parse(entries);
  }

  @Test
  void withoutOverridesTheSourceKindDecides() {
    BackpressurePolicy policy = parse();
    assertEquals(Backpressure.BLOCK, policy.forSource("pcap:plant-a.pcap", SourceKind.FILE_REPLAY));
    assertEquals(Backpressure.DROP, policy.forSource("live:eth1", SourceKind.LIVE));
  }

  @Test
  void anExactIdOverridesTheDefault() {
    BackpressurePolicy policy = parse("live:eth1=BLOCK");
    assertEquals(Backpressure.BLOCK, policy.forSource("live:eth1", SourceKind.LIVE));
    assertEquals(Backpressure.DROP, policy.forSource("live:eth10", SourceKind.LIVE), "exact ids are not prefixes");
    assertEquals(Backpressure.DROP, policy.forSource("live:eth", SourceKind.LIVE));
  }

  @Test
  void aTrailingStarMatchesAPrefix() {
    BackpressurePolicy policy = parse("live:*=BLOCK");
    assertEquals(Backpressure.BLOCK, policy.forSource("live:eth1", SourceKind.LIVE));
    assertEquals(Backpressure.BLOCK, policy.forSource("live:", SourceKind.LIVE));
    assertEquals(Backpressure.DROP, policy.forSource("mqtt:broker", SourceKind.LIVE));
  }

  @Test
  void anExactIdBeatsAPrefixAndTheLongestPrefixWins() {
    BackpressurePolicy policy = parse("*=DROP", "pcap:*=BLOCK", "pcap:lab/*=DROP", "pcap:lab/keep.pcap=BLOCK");
    assertEquals(Backpressure.BLOCK, policy.forSource("pcap:lab/keep.pcap", SourceKind.FILE_REPLAY));
    assertEquals(Backpressure.DROP, policy.forSource("pcap:lab/other.pcap", SourceKind.FILE_REPLAY));
    assertEquals(Backpressure.BLOCK, policy.forSource("pcap:plant.pcap", SourceKind.FILE_REPLAY));
    assertEquals(Backpressure.DROP, policy.forSource("zeek:conn.log", SourceKind.FILE_REPLAY));
  }

  @Test
  void valuesAreCaseInsensitiveAndBlankEntriesAndSpacesAreIgnored() {
    BackpressurePolicy policy = parse("  ", " live:eth1 = block ", "", "pcap:* = Drop");
    assertEquals(Backpressure.BLOCK, policy.forSource("live:eth1", SourceKind.LIVE));
    assertEquals(Backpressure.DROP, policy.forSource("pcap:x", SourceKind.FILE_REPLAY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"live:eth1", "=DROP", "live:eth1=", "live:eth1=MAYBE", "live:*=drop-it"})
  void aBadEntryIsRejectedByName(String bad) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> parse("pcap:*=BLOCK", bad, "live:*=DROP"));
    assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
  }
}
