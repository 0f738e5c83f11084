package io.isthmus.protocol.mqtt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Isthmus MQTT decoder",
    description = "Which TCP ports carry MQTT (3.1, 3.1.1, 5.0); the capture layer hands conversations on these server ports to this decoder.")
public @interface MqttConfig {

  String PID = "io.isthmus.protocol.mqtt";

  @AttributeDefinition(name = "Server ports", description = "TCP ports MQTT brokers listen on (without TLS).", min = "1", max = "65535")
  int[] ports() default {1883};

  @AttributeDefinition(name = "Largest buffered packet",
      description = "Bytes of one control packet held for decoding. A longer PUBLISH is decoded from its header and its"
          + " payload skipped as it streams past; any other longer packet is reported as a weird and skipped.",
      min = "1024")
  int maxBufferedPacket() default 65_536;
}
