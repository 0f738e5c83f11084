package io.isthmus.pipeline.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of the bindings, published to workers through a volatile field. Where a
 * model id has both an active and a shadow lane scoring, both bindings carry the same slot into
 * {@link #comparisons}; every other binding has slot -1. Building a set (under the registry's
 * lock) starts a new comparison whenever the versions of a pair change.
 */
record ModelSet(long version, Binding[] bindings, int[] slots, Comparison[] comparisons) {

  static final ModelSet EMPTY = new ModelSet(0, new Binding[0], new int[0], new Comparison[0]);

  ModelSet with(List<Binding> next, Map<String, Comparison> byId) {
    Binding[] array = next.toArray(new Binding[0]);
    int[] slots = new int[array.length];
    java.util.Arrays.fill(slots, -1);
    Map<String, int[]> pairs = new HashMap<>();
    for (int i = 0; i < array.length; i++) {
      Binding b = array[i];
      if (b.state() == Binding.State.ACTIVE) {
        int[] pair = pairs.computeIfAbsent(b.lane().modelId, k -> new int[] {-1, -1});
        pair[b.lane().shadow ? 1 : 0] = i;
      }
    }
    List<Comparison> comparisons = new java.util.ArrayList<>();
    pairs.forEach((id, pair) -> {
      if (pair[0] >= 0 && pair[1] >= 0) {
        String active = versionOf(array[pair[0]]);
        String shadow = versionOf(array[pair[1]]);
        Comparison c = byId.get(id);
        if (c == null || !c.activeVersion.equals(active) || !c.shadowVersion.equals(shadow)) {
          c = new Comparison(id, active, shadow);
          byId.put(id, c);
        }
        slots[pair[0]] = comparisons.size();
        slots[pair[1]] = comparisons.size();
        comparisons.add(c);
      }
    });
    return new ModelSet(version + 1, array, slots, comparisons.toArray(new Comparison[0]));
  }

  private static String versionOf(Binding b) {
    return b.lane().version;
  }

  List<Binding> asList() {
    return List.of(bindings);
  }
}
