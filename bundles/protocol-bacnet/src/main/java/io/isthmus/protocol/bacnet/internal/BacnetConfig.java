package io.isthmus.protocol.bacnet.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Isthmus BACnet/IP decoder",
    description = "Which UDP ports carry BACnet/IP; the capture layer hands datagrams on these ports to this decoder.")
public @interface BacnetConfig {

  String PID = "io.isthmus.protocol.bacnet";

  @AttributeDefinition(name = "Ports", description = "UDP ports BACnet/IP devices use (47808 = 0xBAC0 by default).",
      min = "1", max = "65535")
  int[] ports() default {47808};
}
