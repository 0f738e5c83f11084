package io.isthmus.protocol.dnp3.internal;

/**
 * One object header of an application fragment.
 *
 * @param qualifier the qualifier octet: prefix code in bits 4-6, range specifier code in bits 0-3
 * @param start first index or address of a range, -1 when the qualifier gives a count or nothing
 * @param stop last index or address of a range, -1 likewise
 * @param count how many objects the header covers (0 for "all points", range code 6)
 */
record ObjectHeader(int group, int variation, int qualifier, long start, long stop, long count) {

  int prefixCode() {
    return qualifier >> 4 & 0x07;
  }

  int rangeCode() {
    return qualifier & 0x0f;
  }

  boolean hasRange() {
    return start >= 0;
  }
}
