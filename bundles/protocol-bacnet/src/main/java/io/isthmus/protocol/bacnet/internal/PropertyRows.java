package io.isthmus.protocol.bacnet.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * ICSNPP's bacnet_property rows: ReadProperty, ReadPropertyMultiple, WriteProperty and ReadRange
 * requests and ACKs, and Error PDUs of the property services, following its walk of the tags.
 */
final class PropertyRows {
  private static final long MAX = ZeekValues.UINT32_MAX;

  private final ZeekRows rows;

  PropertyRows(ZeekRows rows) {
    this.rows = rows;
  }

  void request(int service, int invokeId, Tags t) {
    switch (service) {
      case 12, 26 -> {
        if (t.count >= 2) {
          property(invokeId, service == 12 ? "read-property-request" : "read-range-request", t, 0, t.unsigned(1),
              t.count > 2 ? t.unsigned(2) : MAX, null);
        }
      }
      case 14 -> readPropertyMultiple(invokeId, t);
      case 15 -> writeProperty(invokeId, t);
      default -> { }
    }
  }

  void ack(int service, int invokeId, Tags t) {
    switch (service) {
      case 12 -> readPropertyAck(invokeId, t);
      case 14 -> readPropertyMultipleAck(invokeId, t);
      case 26 -> readRangeAck(invokeId, t);
      default -> { }
    }
  }

  /** An Error PDU for a property service: ICSNPP puts the error code in the object_type column. */
  void error(int service, int invokeId, long code) {
    if (service == 12 || service == 14 || service == 15 || service == 16) {
      Map<String, Object> r = rows.row();
      r.put("invoke_id", invokeId);
      r.put("pdu_service", "ERROR: " + Names.CONFIRMED_SERVICES.name(service));
      r.put("object_type", Names.ERROR_CODES.name(code));
      rows.write(ZeekRows.PROPERTY, r);
    }
  }

  private void readPropertyAck(int invokeId, Tags t) {
    if (t.count <= 2) {
      return;
    }
    long index = t.context[2] && t.number[2] == 2 ? t.unsigned(2) : MAX;
    for (int i = 3; i < t.count && !rows.truncated(); i++) {
      if (!t.opening(i) && !t.closing(i)) {
        property(invokeId, "read-property-ack", t, 0, t.unsigned(1), index, ZeekValues.value(t, i));
      }
    }
  }

  private void readPropertyMultiple(int invokeId, Tags t) {
    for (int x = 0; x < t.count && !rows.truncated(); x++) {
      int object = x++;
      for (int i = x; i < t.count && !rows.truncated(); i++) {
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
    for (int x = 0; x < t.count && !rows.truncated(); x++) {
      int object = x++;
      long property = MAX;
      for (int i = x; i < t.count && !rows.truncated(); i++) {
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
    Map<String, Object> r = rows.row();
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
    rows.write(ZeekRows.PROPERTY, r);
  }

}
