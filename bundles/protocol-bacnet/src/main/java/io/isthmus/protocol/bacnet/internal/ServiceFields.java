package io.isthmus.protocol.bacnet.internal;

import java.util.List;
import java.util.Map;

/**
 * The service parameters of one APDU as event fields, decoded by the standard (ASHRAE 135
 * clauses 13-16 and 21) under ICSNPP's field names. Notes the device instance a service names,
 * so the event's endpoint can carry it.
 */
final class ServiceFields {
  /** Entries of a list field (ReadPropertyMultiple and the like) kept in one event. */
  static final int MAX_ENTRIES = 64;

  final Map<String, Object> f;
  /** Device instance of the sender (I-Am, I-Have, a device reading out its own Device object), or -1. */
  long senderDevice = -1;
  /** Device instance the request addresses (a read of a Device object), or -1. */
  long targetDevice = -1;

  ServiceFields(Map<String, Object> fields) {
    this.f = fields;
  }

  void unconfirmed(int service, Tags t) {
    switch (service) {
      case 0 -> iAm(t);
      case 1 -> iHave(t);
      case 7 -> whoHas(t);
      case 8 -> whoIs(t);
      default -> { }
    }
  }

  void confirmedRequest(int service, Tags t) {
    switch (service) {
      case 12, 26 -> propertyReference(t, false);
      case 14 -> new AccessLists(this, t).readAccess();
      case 15 -> propertyReference(t, true);
      case 16 -> new AccessLists(this, t).writeAccess();
      case 17 -> communicationControl(t);
      case 20 -> reinitialize(t);
      default -> { }
    }
  }

  void complexAck(int service, Tags t) {
    switch (service) {
      case 12, 26 -> propertyReference(t, true);
      case 14 -> new AccessLists(this, t).readAccessResults();
      default -> { }
    }
  }

  void error(Tags t) {
    // BACnet-Error: class and code, bare or (for some services) inside context tag 0.
    int i = t.isOpening(0, 0) ? 1 : 0;
    if (i + 1 < t.count && !t.context[i] && !t.context[i + 1]) {
      f.put("error_class", errorClass(t.unsigned(i)));
      f.put("result_code", Names.ERROR_CODES.name(t.unsigned(i + 1)));
    }
  }

  private void iAm(Tags t) {
    if (t.count >= 4 && t.number[0] == 12 && t.length[0] == 4) {
      object(t, 0, "object_type", "instance_number");
      senderDevice = t.instance(0);
      f.put("max_apdu", t.unsigned(1));
      f.put("segmentation", Names.SEGMENTATION.name(t.unsigned(2)));
      f.put("vendor_id", t.unsigned(3));
      f.put("vendor", Names.VENDORS.name(t.unsigned(3)));
    }
  }

  private void iHave(Tags t) {
    if (t.count >= 3 && t.length[0] == 4 && t.length[1] == 4) {
      object(t, 0, "device_id_type", "device_id_number");
      senderDevice = t.instance(0);
      object(t, 1, "object_type", "instance_number");
      f.put("object_name", Values.text(t.buffer, t.offset[2], t.length[2]));
    }
  }

  private void whoHas(Tags t) {
    int i = range(t);
    if (t.isContext(i, 2) && t.length[i] == 4) {
      object(t, i, "object_type", "instance_number");
    } else if (t.isContext(i, 3)) {
      f.put("object_name", Values.text(t.buffer, t.offset[i], t.length[i]));
    }
  }

  private void whoIs(Tags t) {
    range(t);
  }

  private int range(Tags t) {
    if (t.isContext(0, 0) && t.isContext(1, 1)) {
      f.put("range", t.unsigned(0) + "-" + t.unsigned(1));
      f.put("low_limit", t.unsigned(0));
      f.put("high_limit", t.unsigned(1));
      return 2;
    }
    f.put("range", "All");
    return 0;
  }

  /** ReadProperty, ReadRange (request), WriteProperty, ReadProperty-ACK: object, property, index, value. */
  private void propertyReference(Tags t, boolean withValue) {
    if (!t.isContext(0, 0) || !t.isContext(1, 1) || t.length[0] != 4) {
      return;
    }
    object(t, 0, "object_type", "instance_number");
    if (t.objectType(0) == 8) {
      targetDevice = t.instance(0);
    }
    f.put("property", Names.PROPERTIES.name(t.unsigned(1)));
    int i = 2;
    if (t.isContext(i, 2)) {
      f.put("array_index", t.unsigned(i++));
    }
    if (withValue && t.isOpening(i, 3)) {
      List<String> values = AccessLists.constructed(t, i);
      if (values.size() == 1) {
        f.put("value", values.get(0));
      } else if (!values.isEmpty()) {
        f.put("values", values);
      }
      i = AccessLists.skip(t, i);
      if (t.isContext(i, 4)) {
        f.put("priority", t.unsigned(i));
      }
    }
  }

  private void communicationControl(Tags t) {
    int i = 0;
    if (t.isContext(i, 0)) {
      f.put("time_duration", t.unsigned(i++));
    }
    if (t.isContext(i, 1)) {
      f.put("device_state", Names.COMMUNICATION_STATES.name(t.unsigned(i++)));
    }
    f.put("password_present", t.isContext(i, 2));
  }

  private void reinitialize(Tags t) {
    if (t.isContext(0, 0)) {
      f.put("device_state", Names.REINITIALIZE_STATES.name(t.unsigned(0)));
    }
    f.put("password_present", t.isContext(1, 1));
  }

  void firstObject(Tags t, int i) {
    if (!f.containsKey("object_type")) {
      object(t, i, "object_type", "instance_number");
    }
  }

  private void object(Tags t, int i, String typeField, String instanceField) {
    if (t.length[i] == 4) {
      f.put(typeField, Names.OBJECT_TYPES.name(t.objectType(i)));
      f.put(instanceField, t.instance(i));
    }
  }

  static String errorClass(long code) {
    return switch ((int) Math.min(code, 8)) {
      case 0 -> "device";
      case 1 -> "object";
      case 2 -> "property";
      case 3 -> "resources";
      case 4 -> "security";
      case 5 -> "services";
      case 6 -> "vt";
      case 7 -> "communication";
      default -> "class-" + code;
    };
  }
}
