package io.isthmus.api.alert;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every alert triage raises or updates, after it is persisted (governance, connectors, the
 * console's live view). Called on triage's thread: return quickly, hand slow work to your own.
 */
@ConsumerType
public interface AlertListener {

  /**
   * @param alert the alert as persisted
   * @param raised true when the alert is new (or re-opened); false when only its count, last seen
   *     or severity changed
   */
  void onAlert(Alert alert, boolean raised);
}
