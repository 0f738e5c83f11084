package io.isthmus.discovery.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * MAC address prefixes to the organisation the IEEE assigned them to, from the registry files
 * Debian's {@code ieee-data} package ships: MA-L (24-bit prefixes, {@code oui.csv}), MA-M (28-bit,
 * {@code mam.csv}) and MA-S and IAB (36-bit, {@code oui36.csv}, {@code iab.csv}). The longest
 * matching prefix wins. Kept as sorted {@code long} keys and one interned name per organisation.
 */
final class OuiRegistry {
  static final String MA_L_FILE = "oui.csv";
  private static final List<String> LONGER_PREFIX_FILES = List.of("mam.csv", "oui36.csv", "iab.csv");
  private static final String PRIVATE = "Private";
  static final OuiRegistry EMPTY = new OuiRegistry(new long[0], new String[0]);

  /** Key: prefix bits in the high part, prefix length (24, 28, 36) in the low byte; sorted. */
  private final long[] keys;
  private final String[] names;

  private OuiRegistry(long[] keys, String[] names) {
    this.keys = keys;
    this.names = names;
  }

  /**
   * Loads the registry files in {@code directory}; {@code oui.csv} must be there, the files with
   * longer prefixes are read when present.
   *
   * @throws NoSuchFileException if {@code oui.csv} is missing
   */
  static OuiRegistry load(Path directory) throws IOException {
    Map<Long, String> byKey = new HashMap<>(64_000);
    Map<String, String> interned = new HashMap<>(40_000);
    read(directory.resolve(MA_L_FILE), byKey, interned);
    for (String file : LONGER_PREFIX_FILES) {
      Path path = directory.resolve(file);
      if (Files.isReadable(path)) {
        read(path, byKey, interned);
      }
    }
    long[] keys = byKey.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    String[] names = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      names[i] = byKey.get(keys[i]);
    }
    return new OuiRegistry(keys, names);
  }

  private static void read(Path file, Map<Long, String> byKey, Map<String, String> interned) throws IOException {
    CsvRecords records = new CsvRecords(Files.readString(file, StandardCharsets.UTF_8));
    for (List<String> r = records.next(3); r != null; r = records.next(3)) {
      if (r.size() < 3) {
        continue;
      }
      String assignment = r.get(1).trim();
      String name = r.get(2).trim();
      int bits = assignment.length() * 4;
      if ((bits != 24 && bits != 28 && bits != 36) || name.isEmpty() || !isHex(assignment)) {
        continue; // the header line, and anything that is not an assignment
      }
      long key = key(Long.parseLong(assignment, 16), bits);
      if (name.equals(PRIVATE)) {
        byKey.remove(key); // the owner asked the IEEE not to publish its name: no vendor
      } else {
        byKey.put(key, interned.computeIfAbsent(name, n -> n));
      }
    }
  }

  private static long key(long prefix, int bits) {
    return prefix << 8 | bits;
  }

  /** Number of prefixes known. */
  int size() {
    return keys.length;
  }

  /**
   * The organisation of a globally administered unicast MAC address ({@code aa:bb:cc:dd:ee:ff}),
   * or {@code null} if unknown, malformed, locally administered or a group address.
   */
  @Nullable String vendor(@Nullable String mac) {
    long value = parseMac(mac);
    if (value < 0 || keys.length == 0) {
      return null;
    }
    int firstOctet = (int) (value >>> 40);
    if ((firstOctet & 0x03) != 0) {
      return null; // group (multicast) or locally administered: not an IEEE assignment
    }
    for (int bits : new int[] {36, 28, 24}) {
      int at = Arrays.binarySearch(keys, key(value >>> (48 - bits), bits));
      if (at >= 0) {
        return names[at];
      }
    }
    return null;
  }

  /** The 48-bit value of a colon- or dash-separated MAC, -1 if it is not one. */
  static long parseMac(@Nullable String mac) {
    if (mac == null || mac.length() != 17) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < 17; i++) {
      char c = mac.charAt(i);
      if (i % 3 == 2) {
        if (c != ':' && c != '-') {
          return -1;
        }
        continue;
      }
      int digit = Character.digit(c, 16);
      if (digit < 0) {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "OUI registry of %,d prefixes", keys.length);
  }
}
