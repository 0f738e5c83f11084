package io.isthmus.protocol.bacnet.internal;

import java.util.Map;

/**
 * The rows ICSNPP's bacnet analyzer writes into bacnet_discovery, bacnet_property and
 * bacnet_device_control for one APDU, with its row granularity: it walks the flat tag list
 * (one ReadProperty-ACK row per primitive value, one ReadPropertyMultiple row per property tag)
 * rather than the grammar, and these rows follow that walk so they compare with its logs.
 * Discovery and device control rows are made here, property rows by {@link PropertyRows}.
 */
final class ZeekRows {
  static final String DISCOVERY = "bacnet_discovery";
  static final String PROPERTY = "bacnet_property";
  static final String DEVICE_CONTROL = "bacnet_device_control";
  /**
   * Rows one APDU may produce beyond one per tag (a correct walk writes at most one per tag): on
   * a malformed list ICSNPP's ReadPropertyMultiple walk restarts at every tag and grows
   * quadratically.
   */
  static final int MAX_EXTRA_ROWS = 4096;
  private static final long MAX = ZeekValues.UINT32_MAX;

  /** Where rows go: a fresh row with the columns before the log's own, and the write. */
  interface Out {
    Map<String, Object> row();

    void write(String path, Map<String, Object> row);
  }

  private final Out out;
  private final PropertyRows properties = new PropertyRows(this);
  private int rows;
  private int limit = MAX_EXTRA_ROWS;

  ZeekRows(Out out) {
    this.out = out;
  }

  boolean truncated() {
    return rows >= limit;
  }

  void unconfirmed(int service, Tags t) {
    limit = MAX_EXTRA_ROWS + t.count;
    switch (service) {
      case 0 -> iAm(t);
      case 1 -> iHave(t);
      case 7 -> whoHas(t);
      case 8 -> whoIs(t);
      default -> { }
    }
  }

  void confirmedRequest(int service, int invokeId, Tags t) {
    limit = MAX_EXTRA_ROWS + t.count;
    switch (service) {
      case 17 -> communicationControl(invokeId, t);
      case 20 -> reinitialize(invokeId, t);
      default -> properties.request(service, invokeId, t);
    }
  }

  void complexAck(int service, int invokeId, Tags t) {
    limit = MAX_EXTRA_ROWS + t.count;
    properties.ack(service, invokeId, t);
  }

  void propertyError(int service, int invokeId, long code) {
    properties.error(service, invokeId, code);
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

  Map<String, Object> row() {
    return out.row();
  }

  void write(String path, Map<String, Object> r) {
    if (rows < limit) {
      rows++;
      out.write(path, r);
    }
  }
}
