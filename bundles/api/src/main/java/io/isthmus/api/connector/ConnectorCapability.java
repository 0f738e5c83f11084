package io.isthmus.api.connector;

/** What a connector can do; the executor only routes an action to a connector that declares it. */
public enum ConnectorCapability {
  PUSH_ALERT,
  PULL_DETECTIONS,
  CONTAIN_HOST,
  RELEASE_HOST,
  TAG_IP,
  UNTAG_IP,
  OPEN_TICKET,
  HUNT_QUERY
}
