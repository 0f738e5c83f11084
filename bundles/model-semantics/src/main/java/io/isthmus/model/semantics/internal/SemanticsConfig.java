package io.isthmus.model.semantics.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Isthmus protocol-semantics model",
    description = "Flags dangerous ICS operations (restarts, stop/run, program and firmware transfers, discovery "
        + "sweeps) and commands from hosts never seen writing to or mastering a device.")
public @interface SemanticsConfig {

  String PID = "io.isthmus.model.semantics";

  @AttributeDefinition(name = "Learning period (minutes)", description = "How long, in capture time from the first "
      + "event, the model learns which hosts write to and master each device before it flags new ones. 0 learns "
      + "until an operator or 'isthmus analyze' ends learning; -1 starts without learning.", min = "-1")
  long learningMinutes() default 1440;

  @AttributeDefinition(name = "Repeat window (seconds)", description = "Identical findings (same device, peer and "
      + "rule) within this window are counted, not emitted; the next finding after it reports the count.", min = "0")
  long repeatWindowSeconds() default 600;

  @AttributeDefinition(name = "Peers per device", description = "At most this many writers, masters and scanning "
      + "peers are remembered per device; the least recently seen go first.", min = "1")
  int peersPerDevice() default 64;

  @AttributeDefinition(name = "Devices", description = "At most this many devices are tracked; the least recently "
      + "seen go first.", min = "1")
  int maxDevices() default 10_000;

  @AttributeDefinition(name = "Sweep window (seconds)", description = "Window over which distinct Modbus unit ids "
      + "and function codes from one host are counted.", min = "1")
  long sweepWindowSeconds() default 60;

  @AttributeDefinition(name = "Unit id sweep threshold", description = "Distinct Modbus unit ids from one host to "
      + "one address within the window that make a sweep.", min = "2", max = "256")
  int unitIdSweepThreshold() default 10;

  @AttributeDefinition(name = "Function code sweep threshold", description = "Distinct Modbus function codes from "
      + "one host to one device within the window that make a sweep.", min = "2", max = "128")
  int functionCodeSweepThreshold() default 8;
}
