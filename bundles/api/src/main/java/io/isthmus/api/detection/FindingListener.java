package io.isthmus.api.detection;

/**
 * Receives every finding the pipeline's models emit (triage, the shadow-mode comparator, tests).
 * Called on pipeline threads: return quickly and never block.
 */
public interface FindingListener {
  void onFinding(Finding finding);
}
