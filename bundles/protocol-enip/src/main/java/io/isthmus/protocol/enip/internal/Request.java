package io.isthmus.protocol.enip.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A CIP request remembered until its reply, for what the reply does not repeat: the service's
 * class and path, the embedded requests of a Multiple Service Packet (by position), and the
 * message an Unconnected Send carries (whose reply comes back in its place).
 */
final class Request {
  final int code;
  final CipPath path;
  final List<Request> embedded = new ArrayList<>(0);
  @Nullable Request inner;

  Request(int code, CipPath path) {
    this.code = code;
    this.path = path;
  }

  /** The request a reply with service {@code replyCode} answers: this one, or the one it carried. */
  @Nullable Request answeredBy(int replyCode) {
    if (replyCode == code) {
      return this;
    }
    return inner != null && inner.code == replyCode ? inner : null;
  }
}
