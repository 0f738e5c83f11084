package io.isthmus.model.sequence.internal;

import java.util.Locale;

/** The plain-language paragraph of a finding, for an analyst without OT training. */
final class Explanations {
  private Explanations() {}

  static String of(String client, String device, String protocol, String operation, OperationKind kind,
      String context, String previous, Judgement j, boolean ownBaseline) {
    String baseline = ownBaseline ? "this device's learned traffic" : "what all " + protocol + " devices here were seen doing";
    String what = switch (j.kind()) {
      case UNSEEN_START -> "No session had ever started that way: in " + baseline + " (" + times(j.support(), "session")
          + "), the first request was always something else.";
      case UNSEEN -> j.support() == 0
          ? "In " + baseline + ", " + previous + " had never been seen, so nothing after it is familiar."
          : j.contextLength() == 1
          ? "In " + baseline + ", " + previous + " (seen " + times(j.support(), "time") + ") was never followed by " + operation + "."
          : "In " + baseline + ", the sequence " + context + " (seen " + times(j.support(), "time") + ") was never followed by "
              + operation + ".";
      case RARE -> "In " + baseline + ", " + context + " (seen " + times(j.support(), "time") + ") was followed by " + operation
          + " only " + String.format(Locale.ROOT, "%.2g", j.probability() * 100) + "% of the time.";
    };
    String step = j.kind() == Judgement.Kind.UNSEEN_START
        ? client + " opened a session with " + device + " over " + protocol.toUpperCase(Locale.ROOT)
            + " by asking it to " + operation + ". "
        : client + " asked " + device + " (" + protocol.toUpperCase(Locale.ROOT) + ") to " + operation + " right after "
            + context + ". ";
    String novelty = j.novel() ? " The baseline had never seen " + operation + " at all." : "";
    return step + what + novelty + " " + impact(kind) + " Unless an engineer was scheduled to do this on " + device + " from "
        + client + ", treat " + client + " as possibly compromised and find out who used it.";
  }

  private static String times(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String impact(OperationKind kind) {
    return switch (kind) {
      case MODE_CHANGE -> "Stopping or starting a controller halts or resumes the physical process it runs; it is normally"
          + " done only by engineers during planned work.";
      case DOWNLOAD -> "Sending a program to a controller replaces the logic that drives the physical process.";
      case RESTART -> "Restarting or resetting a device interrupts what it controls and monitors.";
      case FIRMWARE -> "Changing a device's firmware can plant code that survives restarts.";
      case UPLOAD -> "Copying a controller's program out is a common step of studying a plant before attacking it.";
      case WRITE -> "Writing to a device changes set points or outputs of the process it controls.";
      case READ -> "A new way of reading a device can be someone mapping it before acting on it.";
    };
  }
}
