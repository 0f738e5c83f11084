package io.isthmus.protocol.bacnet.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The rows ICSNPP's bacnet analyzer writes into bacnet_discovery, bacnet_property and
 * bacnet_device_control for one APDU, with its row granularity: it walks the flat tag list
 * (one ReadProperty-ACK row per primitive value, one ReadPropertyMultiple row per property tag)
 * rather than the grammar, and these rows follow that walk so they compare with its logs.
 */
final class ZeekRows {
  static final String DISCOVERY = "bacnet_discovery";
  static final String PROPERTY = "bacnet_property";
  static final String DEVICE_CONTROL = "bacnet_device_control";
  /** Rows one APDU may produce; a malformed list would otherwise make ICSNPP's walk quadratic. */
  static final int MAX_ROWS = 4096;
  private static final long MAX = ZeekValues.UINT32_MAX;

  /** Where rows go: a fresh row with the columns before the log's own, and the write. */
  interface Out {
    Map<String, Object> row();

    void write(String path, Map<String, Object> row);
  }

  private final Out out;
  private int rows;

  ZeekRows(Out out) {
    this.out = out;
  }

  boolean truncated() {
    return rows >= MAX_ROWS;
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

  void confirmedRequest(int service, int invokeId, Tags t) {
    switch (service) {
      case 12 -> {
        if (t.count >= 2) {
          property(invokeId, "read-property-request", t, 0, t.unsigned(1), t.count > 2 ? t.unsigned(2) : MAX, null);
        }
      }
      case 14 -> readPropertyMultiple(invokeId, t);
      case 15 -> writeProperty(invokeId, t);
      case 17 -> communicationControl(invokeId, t);
      case 20 -> reinitialize(invokeId, t);
      case 26 -> {
        if (t.count >= 2) {
          property(invokeId, "read-range-request", t, 0, t.unsigned(1), t.count > 2 ? t.unsigned(2) : MAX, null);
        }
      }
      default -> { }
    }
  }

  void complexAck(int service, int invokeId, Tags t) {
    switch (service) {
      case 12 -> readPropertyAck(invokeId, t);
      case 14 -> readPropertyMultipleAck(invokeId, t);
      case 26 -> readRangeAck(invokeId, t);
      default -> { }
    }
  }

  /** An Error PDU for a property service: ICSNPP puts the error code in the object_type column. */
  void propertyError(int service, int invokeId, long code) {
    if (service == 12 || service == 14 || service == 15 || service == 16) {
      Map<String, Object> r = out.row();
      r.put("invoke_id", invokeId);
      r.put("pdu_service", "ERROR: " + Names.CONFIRMED_SERVICES.name(service));
      r.put("object_type", Names.ERROR_CODES.name(code));
      write(PROPERTY, r);
    }
  }

  /** The answer to DeviceCommunicationControl or ReinitializeDevice: SimpleACK or Error. */
  void deviceControlResult(int service, int invokeId, boolean success, long code) {
    if (service == 17 || service == 20) {
      Map<String, Object> r = out.row();
      r.put("invoke_id", invokeId);
      r.put("pdu_service", Names.CONFIRMED_SERVICES.name(service));
      r.put("result", success ? "SUCCESS" : "ERROR");
      if (!success) {
        r.put("result_code", Names.ERROR_CODES.name(code));
      }
      write(DEVICE_CONTROL, r);
    }
  }

  private void iAm(Tags t) {
    if (t.count != 4) {
      return;
    }
    Map<String, Object> r = discovery("i-am");
    if (t.length[0] == 4) {
      r.put("object_type", Names.OBJECT_TYPES.name(t.objectType(0)));
      r.put("instance_number", t.instance(0));
    }
    r.put("vendor", Names.VENDORS.name(t.unsigned(3)));
    write(DISCOVERY, r);
  }

  private void iHave(Tags t) {
    Map<String, Object> r = discovery("i-have");
    if (t.count > 0 && t.length[0] == 4) {
      r.put("device_id_type", Names.OBJECT_TYPES.name(t.objectType(0)));
      r.put("device_id_number", t.instance(0));
    }
    if (t.count > 1 && t.length[1] == 4) {
      r.put("object_type", Names.OBJECT_TYPES.name(t.objectType(1)));
      r.put("instance_number", t.instance(1));
    }
    r.put("object_name", t.count > 2 ? ZeekValues.string(t.buffer, t.offset[2], t.length[2]) : "");
    write(DISCOVERY, r);
  }

  private void whoHas(Tags t) {
    long low = MAX;
    long high = MAX;
    int object = -1;
    String name = "";
    for (int i = 0; i < t.count; i++) {
      switch (t.number[i]) {
        case 0 -> low = t.unsigned(i);
        case 1 -> high = t.unsigned(i);
        case 2 -> object = t.length[i] == 4 ? i : object;
        case 3 -> name = ZeekValues.string(t.buffer, t.offset[i], t.length[i]);
        default -> { }
      }
    }
    Map<String, Object> r = discovery("who-has");
    if (object >= 0 && t.instance(object) != MAX) {
      r.put("object_type", Names.OBJECT_TYPES.name(t.objectType(object)));
      r.put("instance_number", t.instance(object));
    }
    r.put("range", low == MAX || high == MAX ? "All" : low + "-" + high);
    r.put("object_name", name.isEmpty() ? "N/A" : name);
    write(DISCOVERY, r);
  }

  private void whoIs(Tags t) {
    long low = t.count > 1 ? t.unsigned(0) : MAX;
    long high = t.count > 1 ? t.unsigned(1) : MAX;
    boolean all = low == MAX || (low == 0 && high == 0);
    Map<String, Object> r = discovery("who-is");
    r.put("range", all ? "All" : low + "-" + high);
    write(DISCOVERY, r);
  }

  private Map<String, Object> discovery(String service) {
    Map<String, Object> r = out.row();
    r.put("pdu_service", service);
    return r;
  }

  private void readPropertyAck(int invokeId, Tags t) {
    if (t.count <= 2) {
      return;
    }
    long index = t.context[2] && t.number[2] == 2 ? t.unsigned(2) : MAX;
    for (int i = 3; i < t.count && !truncated(); i++) {
      if (!t.opening(i) && !t.closing(i)) {
        property(invokeId, "read-property-ack", t, 0, t.unsigned(1), index, ZeekValues.value(t, i));
      }
    }
  }

  private void readPropertyMultiple(int invokeId, Tags t) {
    for (int x = 0; x < t.count && !truncated(); x++) {
      int object = x++;
      for (int i = x; i < t.count && !truncated(); i++) {
        if (t.closing(i)) {
          x = i;
          break;
        }
        if (!t.opening(i)) {
          property(invokeId, "read-property-multiple-request", t, object, t.unsigned(i), MAX, null);
        }
      }
    }
  }

  private void readPropertyMultipleAck(int invokeId, Tags t) {
    int status = 4;
    boolean written = false;
    for (int x = 0; x < t.count && !truncated(); x++) {
      int object = x++;
      long property = MAX;
      for (int i = x; i < t.count && !truncated(); i++) {
        if (t.opening(i)) {
          status = t.number[i];
          written = false;
        } else if (t.closing(i)) {
          if (t.number[i] == 1) {
            x = i;
            break;
          }
          if (!written) {
            property(invokeId, "read-property-multiple-ack", t, object, property, MAX, "");
          }
        } else if (t.context[i]) {
          property = t.unsigned(i);
          // ICSNPP logs the entries of an object-list (76) as object-identifier (75) values.
          property = property == 76 ? 75 : property;
        } else if (status == 5) {
          i += 2;
          written = true;
          property(invokeId, "read-property-multiple-ack", t, object, property, MAX, "PropertyError");
        } else {
          written = true;
          property(invokeId, "read-property-multiple-ack", t, object, property, MAX, ZeekValues.value(t, i));
        }
      }
    }
  }

  private void writeProperty(int invokeId, Tags t) {
    if (t.count <= 2) {
      return;
    }
    long index = MAX;
    String value = null;
    for (int i = 2; i < t.count; i++) {
      if (t.number[i] == 2) {
        index = t.unsigned(i);
      } else if (t.number[i] == 3 && value == null) {
        value = i + 1 < t.count ? ZeekValues.value(t, i + 1) : "";
      }
    }
    property(invokeId, "write-property", t, 0, t.unsigned(1), index, value == null ? "" : value);
  }

  private void readRangeAck(int invokeId, Tags t) {
    if (t.count <= 2) {
      return;
    }
    long index = MAX;
    int i = 2;
    if (t.number[2] == 2) {
      index = t.unsigned(2);
      i++;
    }
    long items = t.count > i + 1 ? t.unsigned(i + 1) : MAX;
    property(invokeId, "read-range-ack", t, 0, t.unsigned(1), index, "item_count: " + items);
  }

  private void property(int invokeId, String service, Tags t, int object, long property, long index,
      @Nullable String value) {
    Map<String, Object> r = out.row();
    r.put("invoke_id", invokeId);
    r.put("pdu_service", service);
    boolean known = object < t.count && t.length[object] == 4;
    r.put("object_type", Names.OBJECT_TYPES.name(known ? t.objectType(object) : MAX));
    r.put("instance_number", known ? t.instance(object) : MAX);
    r.put("property", Names.PROPERTIES.name(property));
    if (index != MAX) {
      r.put("array_index", index);
    }
    if (value != null && !value.isEmpty()) {
      r.put("value", ZeekValues.propertyValue(property, value));
    }
    write(PROPERTY, r);
  }

  private void communicationControl(int invokeId, Tags t) {
    long duration = MAX;
    long state = 0xff;
    String password = "";
    for (int i = 0; i < t.count; i++) {
      switch (t.number[i]) {
        case 0 -> duration = t.unsigned(i) == 0 ? MAX : t.unsigned(i);
        case 1 -> state = t.firstByte(i);
        case 2 -> password = ZeekValues.string(t.buffer, t.offset[i], t.length[i]);
        default -> { }
      }
    }
    Map<String, Object> r = out.row();
    r.put("invoke_id", invokeId);
    r.put("pdu_service", "device_communication_control");
    if (duration != MAX) {
      r.put("time_duration", duration);
    }
    r.put("device_state", Names.COMMUNICATION_STATES.name(state));
    r.put("password", password);
    write(DEVICE_CONTROL, r);
  }

  private void reinitialize(int invokeId, Tags t) {
    if (t.count == 0) {
      return;
    }
    Map<String, Object> r = out.row();
    r.put("invoke_id", invokeId);
    r.put("pdu_service", "reinitialize_device");
    r.put("device_state", Names.REINITIALIZE_STATES.name(t.firstByte(0)));
    r.put("password", t.count > 1 ? ZeekValues.string(t.buffer, t.offset[1], t.length[1]) : "");
    write(DEVICE_CONTROL, r);
  }

  private void write(String path, Map<String, Object> r) {
    if (rows < MAX_ROWS) {
      rows++;
      out.write(path, r);
    }
  }
}
