package io.isthmus.api.detection;

/** Where a model puts the findings of one {@link DetectionModel#observe} call. */
@FunctionalInterface
public interface FindingSink {
  void emit(Finding finding);
}
