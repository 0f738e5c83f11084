package io.isthmus.protocol.bacnet.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The lists of ReadPropertyMultiple, its ACK and WritePropertyMultiple as event fields:
 * {@code properties} ("object property[index]") and, where there are values, {@code values}.
 */
final class AccessLists {
  private final ServiceFields s;
  private final Tags t;

  AccessLists(ServiceFields s, Tags t) {
    this.s = s;
    this.t = t;
  }

  /** ReadPropertyMultiple request: object and property references. */
  void readAccess() {
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < t.count && refs.size() < ServiceFields.MAX_ENTRIES; ) {
      if (!t.isContext(i, 0) || !t.isOpening(i + 1, 1)) {
        break;
      }
      String object = Values.objectIdentifier(t.objectType(i), t.instance(i));
      s.firstObject(t, i);
      for (i += 2; i < t.count && !t.isClosing(i, 1) && refs.size() < ServiceFields.MAX_ENTRIES; i++) {
        if (t.isContext(i, 0)) {
          refs.add(object + " " + Names.PROPERTIES.name(t.unsigned(i)));
        } else if (t.isContext(i, 1) && !refs.isEmpty()) {
          refs.set(refs.size() - 1, refs.get(refs.size() - 1) + "[" + t.unsigned(i) + "]");
        }
      }
      i++;
    }
    s.f.put("properties", refs);
  }

  /** ReadPropertyMultiple-ACK: one entry per property, with its value or error. */
  void readAccessResults() {
    List<String> refs = new ArrayList<>();
    List<String> values = new ArrayList<>();
    int i = 0;
    while (i < t.count && refs.size() < ServiceFields.MAX_ENTRIES && t.isContext(i, 0) && t.isOpening(i + 1, 1)) {
      String object = Values.objectIdentifier(t.objectType(i), t.instance(i));
      s.firstObject(t, i);
      i += 2;
      while (i < t.count && !t.isClosing(i, 1) && refs.size() < ServiceFields.MAX_ENTRIES) {
        if (!t.isContext(i, 2)) {
          i = skip(t, i);
          continue;
        }
        String ref = object + " " + Names.PROPERTIES.name(t.unsigned(i++));
        if (t.isContext(i, 3)) {
          ref += "[" + t.unsigned(i++) + "]";
        }
        refs.add(ref);
        if (t.isOpening(i, 4)) {
          values.add(String.join(",", constructed(t, i)));
        } else if (t.isOpening(i, 5) && i + 2 < t.count) {
          values.add("error:" + ServiceFields.errorClass(t.unsigned(i + 1)) + "/" + Names.ERROR_CODES.name(t.unsigned(i + 2)));
        } else {
          values.add("");
        }
        i = skip(t, i);
      }
      i++;
    }
    s.f.put("properties", refs);
    s.f.put("values", values);
  }

  /** WritePropertyMultiple: object, property and value of each write. */
  void writeAccess() {
    List<String> refs = new ArrayList<>();
    List<String> values = new ArrayList<>();
    int i = 0;
    while (i < t.count && refs.size() < ServiceFields.MAX_ENTRIES && t.isContext(i, 0) && t.isOpening(i + 1, 1)) {
      String object = Values.objectIdentifier(t.objectType(i), t.instance(i));
      s.firstObject(t, i);
      i += 2;
      while (i < t.count && !t.isClosing(i, 1) && refs.size() < ServiceFields.MAX_ENTRIES) {
        if (t.isContext(i, 0)) {
          refs.add(object + " " + Names.PROPERTIES.name(t.unsigned(i)));
          values.add("");
          i++;
        } else if (t.isContext(i, 1) && !refs.isEmpty()) {
          refs.set(refs.size() - 1, refs.get(refs.size() - 1) + "[" + t.unsigned(i++) + "]");
        } else if (t.isOpening(i, 2) && !values.isEmpty()) {
          values.set(values.size() - 1, String.join(",", constructed(t, i)));
          i = skip(t, i);
        } else {
          i = skip(t, i);
        }
      }
      i++;
    }
    s.f.put("properties", refs);
    s.f.put("values", values);
  }

  /** The primitive values inside the constructed tag opening at {@code open}, up to the entry limit. */
  static List<String> constructed(Tags t, int open) {
    List<String> values = new ArrayList<>();
    int depth = 0;
    for (int i = open; i < t.count; i++) {
      if (t.opening(i)) {
        depth++;
      } else if (t.closing(i)) {
        if (--depth == 0) {
          break;
        }
      } else if (values.size() < ServiceFields.MAX_ENTRIES) {
        values.add(Values.value(t, i));
      }
    }
    return values;
  }

  /** The index after the tag at {@code i}, or after its matching closing tag if it opens. */
  static int skip(Tags t, int i) {
    if (!t.opening(i)) {
      return i + 1;
    }
    int depth = 0;
    for (; i < t.count; i++) {
      if (t.opening(i)) {
        depth++;
      } else if (t.closing(i) && --depth == 0) {
        return i + 1;
      }
    }
    return t.count;
  }

}
