package io.isthmus.triage.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.alert.Severity;
import io.isthmus.api.asset.Asset;
import io.isthmus.api.detection.Technique;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The plain-language parts of an alert: title, analyst summary and recommended action. */
final class AlertText {

  private AlertText() {}

  /** A short title: the techniques, else the indicators. */
  static String title(List<Technique> techniques, List<String> indicators) {
    if (!techniques.isEmpty()) {
      return techniques.stream().map(t -> t.name() + " (" + t.id() + ")").collect(Collectors.joining(", "));
    }
    return indicators.isEmpty() ? "Anomalous behaviour" : "Anomalous behaviour: " + String.join(", ", indicators);
  }

  static String summary(AlertGroup group, SeverityScore severity) {
    List<Technique> techniques = List.copyOf(group.techniques);
    StringBuilder text = new StringBuilder();
    text.append(AlertGroup.clip(title(techniques, List.copyOf(group.indicators)), 600))
        .append(" on ").append(describeDevice(group)).append('.');
    text.append(' ').append(times(group.count)).append(" between ").append(time(group.firstMicros))
        .append(" and ").append(time(group.lastMicros));
    List<String> peers = group.peerList();
    if (!peers.isEmpty()) {
      text.append(", involving ").append(String.join(", ", peers));
    }
    text.append(", reported by ").append(String.join(", ", group.models)).append('.');
    if (!group.explanation.isEmpty()) {
      text.append("\nWhat the model saw: ").append(group.explanation);
    }
    text.append("\nWhy it matters: ").append(whyItMatters(techniques, group));
    text.append("\nSeverity ").append(severity.score()).append(" (").append(band(severity.score())).append("): ")
        .append(severity.explanation()).append('.');
    if (group.suppressedBy != null) {
      text.append("\nSuppressed by ").append(group.suppressedBy.describe()).append(": counted, not raised.");
    }
    return AlertGroup.clip(text.toString(), 8000);
  }

  static String band(int score) {
    return Severity.of(score).name().toLowerCase(Locale.ROOT);
  }

  private static String describeDevice(AlertGroup group) {
    Asset asset = group.asset;
    if (asset == null) {
      return "device " + group.device + " (not in the asset inventory)";
    }
    // plc, hmi, rtu read better as PLC, HMI, RTU.
    String kind = Asset.UNKNOWN_TYPE.equals(asset.type()) ? "device"
        : asset.type().length() <= 3 ? asset.type().toUpperCase(Locale.ROOT) : asset.type();
    List<String> facts = new ArrayList<>();
    String product = join(asset.vendor(), asset.model());
    if (!product.isEmpty()) {
      facts.add(product);
    }
    if (asset.firmware() != null) {
      facts.add("firmware " + asset.firmware());
    }
    facts.add(switch (asset.zone()) {
      case OT_CONTROL -> "OT control zone (Purdue 0-1)";
      case OT_SUPERVISORY -> "OT supervisory zone (Purdue 2-3)";
      case DMZ -> "IT/OT DMZ";
      case IT -> "IT zone";
      case UNKNOWN -> "zone not known";
    });
    facts.add(asset.criticality() == 0 ? "criticality not rated" : "criticality " + asset.criticality() + " of 5");
    if (asset.site() != null) {
      facts.add("site " + asset.site() + (asset.location() == null ? "" : ", " + asset.location()));
    }
    if (asset.owner() != null) {
      facts.add("owner " + asset.owner());
    }
    String name = asset.id().equals(group.device) ? group.device : asset.id() + " at " + group.device;
    return kind + " " + name + " (" + String.join(", ", facts) + ")";
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b == null ? "" : b;
    }
    return b == null ? a : a + " " + b;
  }

  private static String times(long count) {
    return count == 1 ? "Seen once" : "Seen " + count + " times";
  }

  private static String time(long micros) {
    return AlertGroup.instant(micros).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Why the behaviour matters, from its most serious tactic, in words an IT analyst follows. */
  static String whyItMatters(List<Technique> techniques, AlertGroup group) {
    String tactics = techniques.stream().map(t -> t.tactic().toLowerCase(Locale.ROOT)).collect(Collectors.joining("|"));
    String where = group.zone() == io.isthmus.api.asset.Zone.OT_CONTROL ? " This device controls the physical process directly."
        : "";
    if (tactics.contains("impair process control") || tactics.contains("impact")) {
      return "it can change what the physical process does: setpoints, outputs or commands the controller acts on." + where;
    }
    if (tactics.contains("inhibit response function")) {
      return "it can stop the device, or the alarm and safety functions, from responding when the process needs them." + where;
    }
    if (tactics.contains("lateral movement") || tactics.contains("execution") || tactics.contains("persistence")) {
      return "it changes the logic, mode or firmware the controller runs; a malicious change persists and can alter the "
          + "process later." + where;
    }
    if (tactics.contains("initial access")) {
      return "a host that never commanded this device before is doing so now: an unplanned change or an intruder.";
    }
    if (tactics.contains("discovery") || tactics.contains("collection")) {
      return "this is how an attacker maps a plant before acting; on its own it changes nothing.";
    }
    return "the device behaves unlike the baseline its models learned; the cause is not yet known.";
  }

  /** What an analyst should do next, for the alert's most serious technique. */
  static String recommendedAction(List<Technique> techniques, Alert.State state) {
    if (state == Alert.State.SUPPRESSED) {
      return "None while the suppression rule applies; review the rule when it ends.";
    }
    String ids = techniques.stream().map(Technique::id).collect(Collectors.joining("|"));
    String tactics = techniques.stream().map(t -> t.tactic().toLowerCase(Locale.ROOT)).collect(Collectors.joining("|"));
    if (ids.contains("T0843") || ids.contains("T0889") || ids.contains("T0857") || ids.contains("T0839") || ids.contains("T0800")) {
      return "Confirm with the site's engineering team that a program or firmware change was planned for this device; "
          + "if not, contain the host that sent it and compare the device's program with the last known good copy.";
    }
    if (tactics.contains("impair process control") || tactics.contains("impact")) {
      return "Ask operations whether the process is behaving normally and whether these commands were expected; "
          + "if not, contain the commanding host and have an engineer verify the device's values.";
    }
    if (tactics.contains("inhibit response function") || tactics.contains("execution")) {
      return "Check with operations that the device is running and in its expected mode; "
          + "if the stop, restart or mode change was not planned, contain the host that sent it.";
    }
    if (tactics.contains("initial access") || tactics.contains("lateral movement")) {
      return "Identify the host that commanded the device and confirm it is an authorised engineering station; "
          + "if not, contain it.";
    }
    if (tactics.contains("discovery") || tactics.contains("collection")) {
      return "Identify the scanning host and confirm it is an authorised tool (asset inventory, historian); "
          + "if not, investigate it as a possible foothold.";
    }
    return "Review the evidence with the device's owner; if the change of behaviour is expected, "
        + "add a suppression rule, otherwise investigate the hosts involved.";
  }

}
