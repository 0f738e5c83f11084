package io.isthmus.model.sequence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Isthmus sequence model",
    description = "Learns, per device, in which order each client asks it to do things (a Markov chain over the"
        + " operations of a session) and flags sequences that were never or rarely seen.")
public @interface SequenceConfig {

  @AttributeDefinition(description = "Operations of context: 2 means the next operation is predicted from the two before it (1 to 3).")
  int order() default 2;

  @AttributeDefinition(description = "Learning period in event time, in minutes from the first event; 0 for no time limit.")
  long learningMinutes() default 1440;

  @AttributeDefinition(description = "Learning ends after this many events; 0 for no count limit. The first limit reached ends it.")
  long learningEvents() default 0;

  @AttributeDefinition(description = "A session (one client, one device, one protocol) ends after this many seconds without a request.")
  int idleGapSeconds() default 60;

  @AttributeDefinition(description = "A transition seen before but with a smoothed probability below this is reported as rare.")
  double rareProbability() default 0.002;

  @AttributeDefinition(description = "Add-k smoothing constant for transition probabilities.")
  double smoothing() default 0.5;

  @AttributeDefinition(description = "Times a context must have been seen before an unseen or rare continuation of it is judged.")
  int minContextSupport() default 30;

  @AttributeDefinition(description = "Learned transitions a device needs before it is judged on its own; until then it is judged"
      + " against everything learned for its protocol.")
  int minBaselineTransitions() default 50;

  @AttributeDefinition(description = "Most distinct transitions remembered per device (bounded memory).")
  int maxTransitionsPerDevice() default 4096;

  @AttributeDefinition(description = "Most distinct transitions remembered per protocol, across devices.")
  int maxTransitionsPerProtocol() default 16384;

  @AttributeDefinition(description = "Most distinct operation names kept; further names share one slot.")
  int maxOperations() default 1024;

  @AttributeDefinition(description = "Most open sessions tracked per device; the longest idle is closed first.")
  int maxSessionsPerDevice() default 64;

  @AttributeDefinition(description = "Most devices tracked; events of further devices are not scored.")
  int maxDevices() default 10000;

  @AttributeDefinition(description = "Most findings per session (one per unusual operation); stops, downloads, restarts and firmware changes are reported past it.")
  int maxFindingsPerSession() default 5;
}
