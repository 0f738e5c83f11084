package io.isthmus.api.decode;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The fixed half of a {@link ProtocolDecoder} service: its protocol name, transport and
 * configured ports, checked once. A decoder bundle extends it and implements {@link #open}.
 */
public abstract class DecoderService implements ProtocolDecoder {
  private final String protocol;
  private final Transport transport;
  private final Set<Integer> ports;

  /**
   * @param pid the configuration the ports come from, named in the error when one is unusable
   * @throws IllegalArgumentException if a port is not a valid port number
   */
  protected DecoderService(String protocol, Transport transport, String pid, Collection<Integer> ports) {
    for (int port : ports) {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException(pid + ": port " + port + " is not a " + transport + " port");
      }
    }
    this.protocol = protocol;
    this.transport = transport;
    this.ports = Set.copyOf(ports);
  }

  /** The ports of a configuration property, as the constructor takes them. */
  protected static List<Integer> ports(int[] configured) {
    return Arrays.stream(configured).boxed().toList();
  }

  @Override
  public final String protocol() {
    return protocol;
  }

  @Override
  public final Transport transport() {
    return transport;
  }

  @Override
  public final Set<Integer> ports() {
    return ports;
  }
}
