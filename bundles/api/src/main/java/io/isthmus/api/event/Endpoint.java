package io.isthmus.api.event;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One end of a conversation: IP address and port, and where known the MAC address and a
 * protocol-level device id (a Modbus unit id, a BACnet device instance, a DNP3 address).
 *
 * @param ip textual IPv4 or IPv6 address
 * @param port transport port, 0 where the protocol has none
 * @param mac MAC address in lower-case colon form, or {@code null} if unknown
 * @param deviceId protocol-level device identity, or {@code null} if the protocol has none
 */
public record Endpoint(String ip, int port, @Nullable String mac, @Nullable String deviceId) {

  public Endpoint {
    Objects.requireNonNull(ip, "ip");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  public static Endpoint of(String ip, int port) {
    return new Endpoint(ip, port, null, null);
  }

  /** The key that identifies this endpoint's device: the IP address (a host is one asset). */
  public String deviceKey() {
    return ip;
  }

  @Override
  public String toString() {
    return ip.indexOf(':') >= 0 ? "[" + ip + "]:" + port : ip + ":" + port;
  }
}
