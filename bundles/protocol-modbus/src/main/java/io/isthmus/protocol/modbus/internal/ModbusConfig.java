package io.isthmus.protocol.modbus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Isthmus Modbus/TCP decoder",
    description = "Which TCP ports carry Modbus/TCP; the capture layer hands conversations on these server ports to this decoder.")
public @interface ModbusConfig {

  String PID = "io.isthmus.protocol.modbus";

  @AttributeDefinition(name = "Server ports", description = "TCP ports Modbus/TCP servers listen on.", min = "1", max = "65535")
  int[] ports() default {502};
}
