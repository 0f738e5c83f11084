package io.isthmus.api.governance;

import io.isthmus.api.connector.ConnectorCapability;
import org.jspecify.annotations.Nullable;

/** Kinds of response, each with the connector capability it needs and its reverse. */
public enum ActionKind {
  CONTAIN_HOST(ConnectorCapability.CONTAIN_HOST),
  RELEASE_HOST(ConnectorCapability.RELEASE_HOST),
  TAG_IP(ConnectorCapability.TAG_IP),
  UNTAG_IP(ConnectorCapability.UNTAG_IP),
  OPEN_TICKET(ConnectorCapability.OPEN_TICKET),
  /** Tell people; nothing is changed anywhere. */
  NOTIFY(ConnectorCapability.PUSH_ALERT);

  private final ConnectorCapability requires;

  ActionKind(ConnectorCapability requires) {
    this.requires = requires;
  }

  public ConnectorCapability requires() {
    return requires;
  }

  /** The action that undoes this one, or {@code null} if it cannot be undone by a connector. */
  public @Nullable ActionKind reverse() {
    return switch (this) {
      case CONTAIN_HOST -> RELEASE_HOST;
      case RELEASE_HOST -> CONTAIN_HOST;
      case TAG_IP -> UNTAG_IP;
      case UNTAG_IP -> TAG_IP;
      case OPEN_TICKET, NOTIFY -> null;
    };
  }
}
