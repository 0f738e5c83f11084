package io.isthmus.protocol.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.decode.Transport;
import java.lang.annotation.Annotation;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModbusDecoderTest {

  private static ModbusConfig ports(int... ports) {
    return new ModbusConfig() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return ModbusConfig.class;
      }

      @Override
      public int[] ports() {
        return ports;
      }
    };
  }

  @Test
  void claimsTcpPort502ByDefaultAndTheConfiguredPortsOtherwise() {
    ModbusDecoder decoder = new ModbusDecoder(ports(502));
    assertEquals("modbus", decoder.protocol());
    assertEquals(Transport.TCP, decoder.transport());
    assertEquals(Set.of(502), decoder.ports());
    assertEquals(Set.of(502, 5020), new ModbusDecoder(ports(502, 5020)).ports());
    assertTrue(decoder.open(Adu.CONVERSATION) instanceof ModbusConversation);
  }

  @Test
  void aPortOutOfRangeIsRejectedWithItsReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModbusDecoder(ports(502, 70000)));
    assertEquals("io.isthmus.protocol.modbus: port 70000 is not a TCP port", e.getMessage());
  }
}
