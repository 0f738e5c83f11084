package io.isthmus.model.iforest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Isthmus isolation-forest model",
    description = "Cuts each device's traffic into windows of event time, learns what its windows look like, and reports windows an isolation forest finds easy to isolate.")
public @interface IForestConfig {

  String PID = "io.isthmus.model.iforest";

  @AttributeDefinition(name = "Window (s)", description = "Length of a feature window in seconds of event time.", min = "1")
  int windowSeconds() default 10;

  @AttributeDefinition(name = "Learning period (min)",
      description = "Minutes of event time, from the first event, that are learned as normal before the forest is trained; 0 learns until learning is ended by hand.", min = "0")
  int learningMinutes() default 60;

  @AttributeDefinition(name = "Trees", description = "Number of isolation trees.", min = "1", max = "1000")
  int trees() default 100;

  @AttributeDefinition(name = "Subsample", description = "Windows each tree is grown on (scikit-learn's max_samples).", min = "2")
  int subsample() default 256;

  @AttributeDefinition(name = "Seed", description = "Random seed; the same windows and seed grow the same forest.")
  long seed() default 42L;

  @AttributeDefinition(name = "Threshold quantile",
      description = "Quantile of held-out normal windows' scores the alarm threshold starts from (1 = the highest).", min = "0.5", max = "1")
  double thresholdQuantile() default 1.0;

  @AttributeDefinition(name = "Threshold margin",
      description = "Added to that quantile: a long run meets rarer normal windows than the learning period held.", min = "0", max = "0.5")
  double thresholdMargin() default 0.05;

  @AttributeDefinition(name = "Minimum threshold",
      description = "Floor of the alarm threshold on the forest's raw score (0.5 is an average window).", min = "0.5", max = "1")
  double minThreshold() default 0.6;

  @AttributeDefinition(name = "Windows for a device's own forest",
      description = "A device with at least this many learned windows is judged by a forest of its own; others by the forest of all devices' windows.", min = "2")
  int minDeviceWindows() default 120;

  @AttributeDefinition(name = "Minimum windows", description = "Fewer learned windows than this (all devices together) train no forest.", min = "2")
  int minTrainingWindows() default 16;

  @AttributeDefinition(name = "Windows kept per device", description = "Learned windows kept per device; later ones are not kept.", min = "2")
  int maxDeviceWindows() default 5000;
}
