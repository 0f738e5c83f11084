package io.isthmus.protocol.enip.internal;

import org.jspecify.annotations.Nullable;

/**
 * What an EPATH addresses: the first class, instance, attribute, member and connection point of
 * its logical segments (-1 where absent), any symbolic segments (tag names, dot-joined), the
 * route of its port segments, and why it could not be read to the end.
 */
record CipPath(long classId, long instanceId, long attributeId, long member, long connectionPoint,
    @Nullable String symbol, @Nullable String route, @Nullable String error) {

  static final CipPath NONE = new CipPath(-1, -1, -1, -1, -1, null, null, null);

  boolean hasClass() {
    return classId >= 0;
  }
}
