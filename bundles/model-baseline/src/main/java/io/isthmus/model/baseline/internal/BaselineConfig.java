package io.isthmus.model.baseline.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Per-site settings of the baseline model (Config Admin PID {@value #PID}). */
@ObjectClassDefinition(
    name = "Isthmus baseline model",
    description = "How long the model learns what is normal, and how far traffic may stray before it is a finding.")
public @interface BaselineConfig {

  String PID = "io.isthmus.model.baseline";

  @AttributeDefinition(name = "Learning period (seconds of event time)",
      description = "Learning ends this long after the first event, by the events' own clock; 0 = no time limit.")
  long learning_seconds() default 86_400;

  @AttributeDefinition(name = "Learning period (events)",
      description = "Learning ends after this many events across all devices; 0 = no count limit. "
          + "With both limits 0 the model learns until an operator or isthmus analyze ends learning.")
  long learning_events() default 0;

  @AttributeDefinition(name = "Learning events of a device first seen after learning",
      description = "A device that appears after learning is reported once, then learned from this many of its own events. "
          + "0 (the default): never learned, reported once per rate window, because its traffic was flagged.")
  int device_learning_events() default 0;

  @AttributeDefinition(name = "Rate window (seconds)",
      description = "Messages are counted per peer and device in windows this long to learn the normal rate.")
  int rate_window_seconds() default 10;

  @AttributeDefinition(name = "Flood factor",
      description = "A window with this many times the learned message rate (and twice the learned peak) is a finding.")
  double flood_factor() default 3.0;

  @AttributeDefinition(name = "Adaptation rate",
      description = "After learning, the share by which each rate window without a finding moves the learned rate and polling interval (0 = frozen baseline).")
  double adaptation_rate() default 0.01;
}
