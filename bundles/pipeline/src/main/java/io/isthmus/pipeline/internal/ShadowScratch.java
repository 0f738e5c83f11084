package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.FindingSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One worker's findings of the event being scored, per active/shadow pair: what each version
 * emitted, and whether each observed the event at all. Owned by one worker thread.
 */
final class ShadowScratch {
  private final FindingSink listeners;
  private List<Finding>[] active = newLists(0);
  private List<Finding>[] shadow = newLists(0);
  private boolean[] sawActive = new boolean[0];
  private boolean[] sawShadow = new boolean[0];
  private FindingSink[] activeSinks = new FindingSink[0];
  private FindingSink[] shadowSinks = new FindingSink[0];

  ShadowScratch(FindingSink listeners) {
    this.listeners = listeners;
  }

  @SuppressWarnings("unchecked")
  private static List<Finding>[] newLists(int n) {
    List<Finding>[] lists = new List[n];
    for (int i = 0; i < n; i++) {
      lists[i] = new ArrayList<>(2);
    }
    return lists;
  }

  /** Makes room for {@code pairs} comparisons; called when a new model set is seen. */
  void ensure(int pairs) {
    if (pairs <= active.length) {
      return;
    }
    active = newLists(pairs);
    shadow = newLists(pairs);
    sawActive = new boolean[pairs];
    sawShadow = new boolean[pairs];
    activeSinks = Arrays.copyOf(activeSinks, pairs);
    shadowSinks = Arrays.copyOf(shadowSinks, pairs);
    for (int i = 0; i < pairs; i++) {
      int slot = i;
      activeSinks[i] = finding -> {
        active[slot].add(finding);
        listeners.emit(finding);
      };
      shadowSinks[i] = shadow[slot]::add;
    }
  }

  /** The active version's sink for this event: to the listeners, and remembered. */
  FindingSink activeSink(int slot) {
    sawActive[slot] = true;
    return activeSinks[slot];
  }

  /** The shadow version's sink for this event: remembered only, never to the listeners. */
  FindingSink shadowSink(int slot) {
    sawShadow[slot] = true;
    return shadowSinks[slot];
  }

  /** Records the event in each comparison whose both versions observed it, and clears. */
  void compare(Comparison[] comparisons) {
    for (int i = 0; i < comparisons.length; i++) {
      if (sawActive[i] && sawShadow[i]) {
        comparisons[i].record(active[i], shadow[i]);
      }
      sawActive[i] = false;
      sawShadow[i] = false;
      active[i].clear();
      shadow[i].clear();
    }
  }
}
