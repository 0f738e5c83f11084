package io.isthmus.protocol.dnp3.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Isthmus DNP3 decoder",
    description = "Which TCP and UDP ports carry DNP3; the capture layer hands conversations on these server ports to"
        + " the DNP3 decoder of that transport.")
public @interface Dnp3Config {

  String PID = "io.isthmus.protocol.dnp3";

  @AttributeDefinition(name = "TCP server ports", description = "TCP ports DNP3 outstations listen on.", min = "1",
      max = "65535")
  int[] tcpPorts() default {20000};

  @AttributeDefinition(name = "UDP server ports", description = "UDP ports DNP3 outstations listen on.", min = "1",
      max = "65535")
  int[] udpPorts() default {20000};
}
