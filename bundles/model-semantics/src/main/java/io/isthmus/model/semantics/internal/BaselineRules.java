package io.isthmus.model.semantics.internal;

import static io.isthmus.model.semantics.internal.Techniques.*;

import io.isthmus.api.event.TelemetryEvent;
import java.util.List;

/** Hits of the rules that compare with what the model learned or counted: new writers, new masters, sweeps. */
final class BaselineRules {
  static final String NEW_WRITER = "new_writer";
  static final String NEW_MASTER = "dnp3_control_from_new_master";
  static final String UNIT_SWEEP = "modbus_unit_id_sweep";
  static final String FUNCTION_SWEEP = "modbus_function_code_sweep";

  private BaselineRules() {}

  static Hit newWriter(TelemetryEvent e) {
    return new Hit(NEW_WRITER, 0.7, List.of("new_writer_host", "operation:" + e.operation()),
        List.of(UNAUTHORIZED_COMMAND, UNAUTHORIZED_MESSAGE_COMMAND, MODIFY_PARAMETER),
        "wrote values for the first time to",
        "This host had not written to this device since monitoring began, learning period included. Writes change "
            + "setpoints, outputs and configuration; a new writer is either a newly commissioned HMI or "
            + "engineering laptop, or someone changing how the process runs. Later writes from this host are "
            + "accepted as normal.");
  }

  static Hit newMaster(TelemetryEvent e) {
    return new Hit(NEW_MASTER, 0.8, List.of("new_master_host", "operation:" + e.operation()),
        List.of(UNAUTHORIZED_COMMAND, UNAUTHORIZED_MESSAGE_COMMAND, ROGUE_MASTER),
        "sent a DNP3 control command (" + e.operation() + ") without ever having been a DNP3 master of",
        "Select/operate and direct-operate commands switch breakers, valves and other outputs in the field. "
            + "The control center's own master is known to the model; a command from another host is what a rogue "
            + "master or an attacker on the network looks like. Later commands from this host are accepted as normal.");
  }

  static Hit unitSweep(int distinct, int windowSeconds) {
    return new Hit(UNIT_SWEEP, 0.6, List.of("distinct_unit_ids:" + distinct),
        List.of(REMOTE_SYSTEM_DISCOVERY),
        "addressed " + distinct + " different Modbus unit ids within " + windowSeconds + " s at",
        "A control master talks to a fixed set of units; walking through many unit ids is how scanners find "
            + "which devices sit behind an address or gateway.");
  }

  static Hit functionSweep(int distinct, int windowSeconds) {
    return new Hit(FUNCTION_SWEEP, 0.6, List.of("distinct_function_codes:" + distinct),
        List.of(REMOTE_SYSTEM_INFORMATION_DISCOVERY),
        "tried " + distinct + " different Modbus function codes within " + windowSeconds + " s on",
        "Normal polling uses a handful of function codes; trying many is how scanners find out what a device "
            + "supports before attacking it.");
  }
}
