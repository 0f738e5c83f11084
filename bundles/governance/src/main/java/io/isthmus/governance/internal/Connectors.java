package io.isthmus.governance.internal;

import io.isthmus.api.connector.EdrConnector;
import io.isthmus.api.governance.ActionKind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Routes an action to a connector: by id when one is named, else the first that offers the capability. */
final class Connectors {

  private Connectors() {}

  static @Nullable EdrConnector select(List<EdrConnector> connectors, ActionKind kind, @Nullable String preferredId) {
    for (EdrConnector c : connectors) {
      if (preferredId != null && !preferredId.isBlank()) {
        if (c.id().equals(preferredId)) {
          return c.capabilities().contains(kind.requires()) ? c : null;
        }
      } else if (c.capabilities().contains(kind.requires())) {
        return c;
      }
    }
    return null;
  }
}
