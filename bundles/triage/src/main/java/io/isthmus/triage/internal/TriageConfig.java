package io.isthmus.triage.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Isthmus triage", description = "How findings are grouped into alerts")
@interface TriageConfig {

  @AttributeDefinition(name = "Grouping window (minutes)",
      description = "Findings of one device, technique and model join the same alert while each comes within this "
          + "many minutes of the alert's last finding (finding time); later ones raise a new alert.", min = "1")
  int window_minutes() default 15;

  @AttributeDefinition(name = "Queue capacity", description = "Findings waiting for the triage thread.", min = "16")
  int queue_capacity() default 10_000;

  @AttributeDefinition(name = "Folded groups",
      description = "When the queue is full, findings are counted per group in a table of at most this many groups; "
          + "only a finding of a new group with the table full is dropped (and counted).", min = "16")
  int folded_groups() default 1024;

  @AttributeDefinition(name = "Groups held", description = "Alert groups kept in memory; older ones resume from the store.",
      min = "16")
  int max_groups() default 10_000;

  @AttributeDefinition(name = "Batch size", description = "Findings triaged per store transaction, at most.", min = "1")
  int batch_size() default 512;
}
