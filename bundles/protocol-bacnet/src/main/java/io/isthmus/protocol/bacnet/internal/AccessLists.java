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

  /** Reads the entries of one object's list from tag {@code i}; returns the index after them. */
  private interface Entries {
    int read(int i, String object);
  }

  private final List<String> refs = new ArrayList<>();
  private final List<String> values = new ArrayList<>();

  /** ReadPropertyMultiple request: object and property references. */
  void readAccess() {
    objects((i, object) -> {
      if (t.isContext(i, 0)) {
        refs.add(object + " " + Names.PROPERTIES.name(t.unsigned(i)));
      } else if (t.isContext(i, 1) && !refs.isEmpty()) {
        index(t.unsigned(i));
      }
      return skip(t, i);
    });
    s.f.put("properties", refs);
  }

  /** ReadPropertyMultiple-ACK: one entry per property, with its value or error. */
  void readAccessResults() {
    objects((i, object) -> {
      if (!t.isContext(i, 2)) {
        return skip(t, i);
      }
      refs.add(object + " " + Names.PROPERTIES.name(t.unsigned(i++)));
      if (t.isContext(i, 3)) {
        index(t.unsigned(i++));
      }
      if (t.isOpening(i, 4)) {
        values.add(String.join(",", constructed(t, i)));
      } else if (t.isOpening(i, 5) && i + 2 < t.count) {
        values.add("error:" + ServiceFields.errorClass(t.unsigned(i + 1)) + "/" + Names.ERROR_CODES.name(t.unsigned(i + 2)));
      } else {
        values.add("");
      }
      return skip(t, i);
    });
    s.f.put("properties", refs);
    s.f.put("values", values);
  }

  /** WritePropertyMultiple: object, property and value of each write. */
  void writeAccess() {
    objects((i, object) -> {
      if (t.isContext(i, 0)) {
        refs.add(object + " " + Names.PROPERTIES.name(t.unsigned(i)));
        values.add("");
      } else if (t.isContext(i, 1) && !refs.isEmpty()) {
        index(t.unsigned(i));
      } else if (t.isOpening(i, 2) && !values.isEmpty()) {
        values.set(values.size() - 1, String.join(",", constructed(t, i)));
      }
      return skip(t, i);
    });
    s.f.put("properties", refs);
    s.f.put("values", values);
  }

  /** Each object identifier (context 0) with its list (context 1), up to the entry limit. */
  private void objects(Entries entries) {
    int i = 0;
    while (i < t.count && refs.size() < ServiceFields.MAX_ENTRIES && t.isContext(i, 0) && t.isOpening(i + 1, 1)) {
      String object = Values.objectIdentifier(t.objectType(i), t.instance(i));
      s.firstObject(t, i);
      i += 2;
      while (i < t.count && !t.isClosing(i, 1) && refs.size() < ServiceFields.MAX_ENTRIES) {
        i = entries.read(i, object);
      }
      i++;
    }
  }

  private void index(long index) {
    refs.set(refs.size() - 1, refs.get(refs.size() - 1) + "[" + index + "]");
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
