package io.isthmus.discovery.internal;

/** Which IP addresses can name a device: not unspecified, not the limited broadcast, not multicast. */
final class Addresses {
  private Addresses() {}

  static boolean isUnicast(String ip) {
    if (ip.isEmpty() || ip.equals("0.0.0.0") || ip.equals("255.255.255.255") || ip.equals("::")) {
      return false;
    }
    if (ip.indexOf(':') >= 0) {
      return !ip.regionMatches(true, 0, "ff", 0, 2);
    }
    int dot = ip.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    try {
      int first = Integer.parseInt(ip, 0, dot, 10);
      return first < 224;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Sort key: IPv4 addresses in numeric order, then the others as text. */
  static String sortKey(String ip) {
    String[] parts = ip.split("\\.");
    if (parts.length != 4 || ip.indexOf(':') >= 0) {
      return "1" + ip;
    }
    StringBuilder key = new StringBuilder("0");
    for (String p : parts) {
      key.append("000".substring(Math.min(3, p.length()))).append(p);
    }
    return key.toString();
  }
}
