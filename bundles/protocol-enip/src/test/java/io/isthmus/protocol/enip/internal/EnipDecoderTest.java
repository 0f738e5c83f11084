package io.isthmus.protocol.enip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.isthmus.api.decode.Transport;
import java.lang.annotation.Annotation;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The two decoder services and their shared configuration. */
class EnipDecoderTest {

  private static EnipConfig config(int[] tcp, int[] udp) {
    return new EnipConfig() {
      @Override
      public int[] tcpPorts() {
        return tcp;
      }

      @Override
      public int[] udpPorts() {
        return udp;
      }

      @Override
      public Class<? extends Annotation> annotationType() {
        return EnipConfig.class;
      }
    };
  }

  @Test
  void defaultsAreTheRegisteredEtherNetIpPorts() {
    EnipConfig defaults = config(new int[] {44818}, new int[] {44818, 2222});
    EnipTcpDecoder tcp = new EnipTcpDecoder(defaults);
    EnipUdpDecoder udp = new EnipUdpDecoder(defaults);
    assertEquals("enip", tcp.protocol());
    assertEquals("enip", udp.protocol());
    assertEquals(Transport.TCP, tcp.transport());
    assertEquals(Transport.UDP, udp.transport());
    assertEquals(Set.of(44818), tcp.ports());
    assertEquals(Set.of(44818, 2222), udp.ports());
  }

  @Test
  void portsOutOfRangeAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new EnipTcpDecoder(config(new int[] {0}, new int[] {2222})));
    assertThrows(IllegalArgumentException.class, () -> new EnipUdpDecoder(config(new int[] {44818}, new int[] {70000})));
  }
}
