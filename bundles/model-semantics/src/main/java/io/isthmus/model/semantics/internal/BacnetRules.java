package io.isthmus.model.semantics.internal;

import static io.isthmus.model.semantics.internal.Techniques.*;

import io.isthmus.api.event.TelemetryEvent;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * BACnet services that matter whatever a baseline says: DeviceCommunicationControl,
 * ReinitializeDevice (by its requested state) and WriteProperty with a priority, which commands a
 * point through its priority array and overrides whatever wrote at a lower priority.
 */
final class BacnetRules {
  private static final Hit SILENCE = Hit.of("bacnet_communication_disable", 0.9, "bacnet_dcc:disable",
      "told to stop communicating (DeviceCommunicationControl disable) the BACnet device at",
      "A silenced device stops answering and reporting, so the building management system loses sight "
          + "of it and cannot command it until it is re-enabled or the timer runs out.",
      DENIAL_OF_SERVICE, BLOCK_REPORTING);
  private static final Hit UNSILENCE = Hit.of("bacnet_communication_enable", 0.4, "bacnet_dcc:enable",
      "re-enabled communication (DeviceCommunicationControl enable) of the BACnet device at",
      "Enabling communication is harmless in itself but means someone had, or believed they had, "
          + "silenced the device before.",
      UNAUTHORIZED_COMMAND, UNAUTHORIZED_MESSAGE_COMMAND);
  private static final Hit RESTART = Hit.of("bacnet_reinitialize", 0.9, "bacnet_reinitialize:restart",
      "restarted (ReinitializeDevice cold/warm start) the BACnet device at",
      "While the device restarts, the equipment it runs (air handling, chillers, access control) is "
          + "neither monitored nor controlled.",
      DEVICE_RESTART);
  private static final Hit RESTORE = Hit.of("bacnet_restore", 0.8, "bacnet_reinitialize:restore",
      "started or finished restoring a configuration (ReinitializeDevice restore) to the BACnet device at",
      "A restore replaces the device's configuration and programming with the one sent.",
      PROGRAM_DOWNLOAD);
  private static final Hit BACKUP = Hit.of("bacnet_backup", 0.5, "bacnet_reinitialize:backup",
      "started or finished a configuration backup (ReinitializeDevice backup) of the BACnet device at",
      "A backup copies the device's configuration and programming out of it.",
      PROGRAM_UPLOAD);
  private static final Hit OTHER = Hit.of("bacnet_reinitialize", 0.6, "bacnet_reinitialize:other",
      "sent a ReinitializeDevice request to the BACnet device at",
      "Reinitialising a device can restart it or apply pending configuration changes.",
      DEVICE_RESTART);

  private BacnetRules() {}

  static @Nullable Hit classify(TelemetryEvent e) {
    return switch (e.operation()) {
      case "DEVICE_COMMUNICATION_CONTROL" -> "enable".equals(e.fields().get("device_state")) ? UNSILENCE : SILENCE;
      case "REINITIALIZE_DEVICE" -> reinitialize(e.fields().get("device_state"));
      case "WRITE_PROPERTY" -> e.fields().get("priority") instanceof Number p ? priorityWrite(p.intValue()) : null;
      default -> null;
    };
  }

  private static Hit reinitialize(@Nullable Object state) {
    if ("coldstart".equals(state) || "warmstart".equals(state)) {
      return RESTART;
    }
    if ("start-restore".equals(state) || "end-restore".equals(state)) {
      return RESTORE;
    }
    if ("start-backup".equals(state) || "end-backup".equals(state)) {
      return BACKUP;
    }
    return OTHER;
  }

  /** Priorities 1-2 are life safety, 5 critical equipment control, 8 manual operator (ASHRAE 135 clause 19.2). */
  private static Hit priorityWrite(int priority) {
    double score = priority <= 2 ? 0.85 : priority <= 6 ? 0.65 : 0.45;
    String level = priority <= 2 ? "a life-safety priority" : priority <= 6 ? "an equipment-protection priority"
        : "priority " + priority;
    return new Hit("bacnet_priority_write", score, List.of("bacnet_priority_write:" + priority),
        List.of(UNAUTHORIZED_COMMAND, UNAUTHORIZED_MESSAGE_COMMAND, MODIFY_PARAMETER),
        "commanded a point at " + level + " (WriteProperty into the priority array) on the BACnet device at",
        "A prioritised write overrides the building's own schedules and control logic for that point "
            + "until someone relinquishes it; at high priorities it overrides safety logic.");
  }
}
