package io.isthmus.protocol.enip.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Isthmus EtherNet/IP and CIP decoder",
    description = "Which ports carry EtherNet/IP: encapsulation over TCP, and encapsulation (List Identity and"
        + " the like) and CIP connected I/O over UDP. The capture layer hands conversations on these server"
        + " ports to this decoder.")
public @interface EnipConfig {

  String PID = "io.isthmus.protocol.enip";

  @AttributeDefinition(name = "TCP ports", description = "TCP ports EtherNet/IP targets listen on for explicit messaging.",
      min = "1", max = "65535")
  int[] tcpPorts() default {44818};

  @AttributeDefinition(name = "UDP ports", description = "UDP ports for EtherNet/IP encapsulation (List Identity) and"
      + " CIP class 0/1 connected I/O.", min = "1", max = "65535")
  int[] udpPorts() default {44818, 2222};
}
