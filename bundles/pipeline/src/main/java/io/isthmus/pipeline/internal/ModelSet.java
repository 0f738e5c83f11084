package io.isthmus.pipeline.internal;

import java.util.List;

/** An immutable snapshot of the bindings, published to workers through a volatile field. */
record ModelSet(long version, Binding[] bindings) {

  static final ModelSet EMPTY = new ModelSet(0, new Binding[0]);

  ModelSet with(List<Binding> next) {
    return new ModelSet(version + 1, next.toArray(new Binding[0]));
  }

  List<Binding> asList() {
    return List.of(bindings);
  }
}
