package io.isthmus.protocol.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.isthmus.api.decode.Transport;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MqttDecoderTest {

  @Test
  void servesTheConfiguredTcpPorts() {
    MqttDecoder decoder = new MqttDecoder(Set.of(1883, 11883));
    assertEquals("mqtt", decoder.protocol());
    assertEquals(Transport.TCP, decoder.transport());
    assertEquals(Set.of(1883, 11883), decoder.ports());
  }

  @Test
  void refusesPortsAndLimitsThatCannotWork() {
    assertThrows(IllegalArgumentException.class, () -> new MqttDecoder(Set.of(0)));
    assertThrows(IllegalArgumentException.class, () -> new MqttDecoder(Set.of(70_000)));
    assertThrows(IllegalArgumentException.class, () -> new MqttDecoder(Set.of(1883), 100));
  }
}
