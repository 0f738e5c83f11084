package io.isthmus.protocol.enip.internal;

import java.nio.ByteBuffer;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The items of a List Identity, List Services or List Interfaces reply: CIP identity items (one
 * {@code cip_identity} row each, the first also in the event) and service items.
 */
final class TargetItems {
  private TargetItems() {}

  /** Adds what the items say to {@code fields}; returns what was malformed, or {@code null}. */
  static @Nullable String decode(ByteBuffer b, int start, int end, Pdu pdu, Map<String, Object> fields) {
    Cpf cpf = Cpf.parse(b, start, end);
    String problem = cpf.error();
    int identities = 0;
    for (Cpf.Item item : cpf.items()) {
      if (item.type() == Cpf.CIP_IDENTITY) {
        String bad = Identity.listIdentityItem(b, item.start(), item.end(), pdu, identities == 0 ? fields : null);
        problem = problem == null ? bad : problem;
        identities++;
      } else if (item.type() == Cpf.LIST_SERVICES && item.length() >= 4) {
        fields.putIfAbsent("service_protocol_version", Le.u16(b, item.start()));
        fields.putIfAbsent("service_capability_flags", Le.hex0x(Le.u16(b, item.start() + 2), 4));
        int nameLength = Math.min(16, item.length() - 4);
        int zero = 0;
        while (zero < nameLength && b.get(item.start() + 4 + zero) != 0) {
          zero++;
        }
        fields.putIfAbsent("service_name", Le.text(b, item.start() + 4, zero));
      }
    }
    fields.put("item_count", cpf.items().size());
    return problem;
  }
}
