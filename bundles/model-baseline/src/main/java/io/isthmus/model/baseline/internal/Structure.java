package io.isthmus.model.baseline.internal;

import io.isthmus.api.event.TelemetryEvent;

/** Checks of what a device exposes: its ports, the register ranges touched, the objects and topics named. */
final class Structure {
  private Structure() {}

  static Deviations ports(DeviceBaseline b, TelemetryEvent e, boolean learning, Deviations d) {
    int port = e.device().port();
    if (SmallSets.contains(b.ports, port)) {
      return d;
    }
    if (learning) {
      if (b.ports.length < DeviceBaseline.MAX_PORTS) {
        b.ports = SmallSets.with(b.ports, port);
      }
      return d;
    }
    return b.ports.length < DeviceBaseline.MAX_PORTS
        ? Deviations.add(d, "new_port:" + port, 0.4, "This device was reached on port " + port
            + ", where it never communicated before; a new service or a tunnel may have been opened.")
        : d;
  }

  static Deviations ranges(DeviceBaseline b, TelemetryEvent e, boolean write, boolean learning, Deviations d) {
    int fc = EventFacts.functionCode(e);
    if (!"modbus".equals(e.protocol())) {
      return d;
    }
    int[] range = EventFacts.modbusRange(e, fc, write);
    if (range == null || (write ? SmallSets.covers(b.ranges, range[0], range[1])
        : SmallSets.withinEnvelope(b.ranges, range[0], range[1]))) {
      return d;
    }
    if (learning) {
      b.ranges = SmallSets.withRange(b.ranges, range[0], range[1], DeviceBaseline.MAX_RANGES);
      return d;
    }
    int address = range[0] & 0xffff;
    int count = range[1] - range[0] + 1;
    String table = EventFacts.tableName(EventFacts.table(fc));
    return Deviations.add(d, "register_range_outside_baseline", write ? 0.7 : 0.4, e.peer().ip()
        + (write ? " wrote " : " read ") + count + " " + table + " from address " + address
        + (write ? ", registers nobody wrote" : ", registers nobody read")
        + " in the learned baseline" + (write ? "; changing values there can alter how the process runs." : "; "
        + "reading unusual addresses is how an intruder maps what a controller does."),
        write ? Attack.MODIFY_PARAMETER : Attack.POINT_TAG_IDENTIFICATION);
  }

  static Deviations objects(DeviceBaseline b, TelemetryEvent e, boolean learning, Deviations d) {
    for (String key : EventFacts.objects(e)) {
      int hash = key.hashCode();
      if (SmallSets.contains(b.objects, hash)) {
        continue;
      }
      if (learning) {
        if (b.objects.length < DeviceBaseline.MAX_OBJECTS) {
          b.objects = SmallSets.with(b.objects, hash);
        } else {
          b.objectsFull = true;
        }
      } else if (!b.objectsFull) {
        boolean topic = key.startsWith("topic:");
        d = Deviations.add(d, topic ? "new_topic" : "new_object:" + key, 0.4, topic
            ? e.peer().ip() + " used the MQTT topic '" + key.substring(6) + "', which never appeared on this broker"
                + " while the baseline was learned; unexpected topics can carry commands or fake sensor data."
            : e.operation() + " named " + key + ", a data object never used with this device before.");
      }
    }
    return d;
  }
}
