package io.isthmus.assets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.event.Endpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecentFindingsTest {

  /** A clock the test moves. */
  private static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-05-01T10:30:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static Finding about(String ip) {
    return new Finding("m", "1", 0, Endpoint.of(ip, 502), Endpoint.of("10.0.0.1", 40000), "modbus", 0.9,
        List.of(), List.of(), List.of(), "test");
  }

  @Test
  void countsPerAssetOverTheLast24Hours() {
    ManualClock clock = new ManualClock();
    RecentFindings findings = new RecentFindings(clock);
    findings.record(about("10.0.0.5"));
    findings.record(about("10.0.0.5"));
    clock.now = clock.now.plus(Duration.ofHours(3));
    findings.record(about("10.0.1.5"));
    findings.record(about("10.0.0.9"));

    assertEquals(3, findings.count(Set.of("10.0.0.5", "10.0.1.5")), "an asset's addresses add up");
    clock.now = clock.now.plus(Duration.ofHours(20));
    assertEquals(3, findings.count(Set.of("10.0.0.5", "10.0.1.5")), "23 h later");
    clock.now = clock.now.plus(Duration.ofHours(2));
    assertEquals(1, findings.count(Set.of("10.0.0.5", "10.0.1.5")), "the first two are 25 h old");
    clock.now = clock.now.plus(Duration.ofHours(4));
    assertEquals(0, findings.count(Set.of("10.0.0.5", "10.0.1.5")));
    findings.prune();
    assertEquals(0, findings.devices());
  }

  @Test
  void memoryIsBoundedByDevicesAndOverflowIsCounted() {
    ManualClock clock = new ManualClock();
    RecentFindings findings = new RecentFindings(clock);
    for (int i = 0; i < RecentFindings.MAX_DEVICES; i++) {
      findings.record(about("10." + (i >> 16) + "." + (i >> 8 & 0xff) + "." + (i & 0xff)));
    }
    findings.record(about("172.16.0.1"));
    findings.record(about("10.0.0.0"));
    assertEquals(RecentFindings.MAX_DEVICES, findings.devices());
    assertEquals(1, findings.dropped());
    assertEquals(2, findings.count(Set.of("10.0.0.0")), "a known device still counts");
  }
}
