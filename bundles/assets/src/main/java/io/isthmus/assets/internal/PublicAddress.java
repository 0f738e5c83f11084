package io.isthmus.assets.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Whether an address is on the internet, i.e. not private, loopback, link-local, multicast or reserved. */
final class PublicAddress {

  private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

  private PublicAddress() {}

  static boolean isPublic(String ip) {
    // Only literals are parsed, so no name is ever looked up.
    if (!LITERAL.matcher(ip).matches() || (ip.indexOf(':') < 0 && ip.chars().filter(c -> c == '.').count() != 3)) {
      return false;
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      return false;
    }
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      boolean sharedCgnat = first == 100 && second >= 64 && second < 128;
      return first != 0 && first < 240 && !sharedCgnat;
    }
    // fc00::/7 unique local addresses are IPv6's private range.
    return !(address instanceof Inet6Address) || (b[0] & 0xfe) != 0xfc;
  }
}
