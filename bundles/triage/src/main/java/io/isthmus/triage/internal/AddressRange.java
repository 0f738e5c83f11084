package io.isthmus.triage.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IP address or CIDR block ({@code 10.0.0.5}, {@code 10.0.0.0/24}, {@code fd00::/8}). */
final class AddressRange {

  private final byte[] network;
  private final int prefix;
  private final String text;

  private AddressRange(byte[] network, int prefix, String text) {
    this.network = network;
    this.prefix = prefix;
    this.text = text;
  }

  /** @throws IllegalArgumentException with a message that names what is wrong */
  static AddressRange parse(String text) {
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    byte[] bytes = literal(address);
    if (bytes == null) {
      throw new IllegalArgumentException("not an IP address or CIDR block: '" + text + "'");
    }
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(trimmed.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException("bad prefix length in '" + text + "': 0-" + bytes.length * 8 + " allowed");
      }
    }
    return new AddressRange(bytes, prefix, trimmed);
  }

  boolean contains(String ip) {
    byte[] bytes = literal(ip);
    if (bytes == null || bytes.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (bytes[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = 0xFF << (8 - rest) & 0xFF;
    return (bytes[full] & mask) == (network[full] & mask);
  }

  /** The address's bytes, or {@code null} unless it is a literal: no name is ever looked up. */
  private static byte[] literal(String address) {
    if (address.isEmpty() || !address.matches("[0-9A-Fa-f:.]+") || !(address.contains(".") || address.contains(":"))) {
      return null;
    }
    if (address.indexOf(':') < 0 && !address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return null;
    }
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
