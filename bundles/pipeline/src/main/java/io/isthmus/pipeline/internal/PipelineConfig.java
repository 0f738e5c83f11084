package io.isthmus.pipeline.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Isthmus pipeline",
    description = "Scoring threads, queue sizes, backpressure per source and model hot-swap limits.")
public @interface PipelineConfig {

  String PID = "io.isthmus.pipeline";

  @AttributeDefinition(name = "Workers", description = "Scoring threads; 0 means one per available core.", min = "0", max = "256")
  int workers() default 0;

  @AttributeDefinition(name = "Queue capacity per worker",
      description = "Events each worker can hold before backpressure applies; rounded up to a power of two.",
      min = "1024", max = "16777216")
  int queue_capacity() default 65_536;

  @AttributeDefinition(name = "Backpressure overrides",
      description = "Per-source policy as sourceId=BLOCK or sourceId=DROP; a trailing * matches a prefix "
          + "(live:*=DROP). Sources not named use their kind's default: file replay blocks, live drops.")
  String[] backpressure() default {};

  @AttributeDefinition(name = "Swap grace (ms)",
      description = "How long the events of a model whose bundle stopped are held for its next version "
          + "before the model is considered removed.", min = "0", max = "600000")
  long swap_grace_ms() default 30_000;

  @AttributeDefinition(name = "Held events limit",
      description = "Most events held for all models being swapped together; beyond it they are counted as lost.",
      min = "0", max = "100000000")
  int held_events_limit() default 2_000_000;

  @AttributeDefinition(name = "State directory",
      description = "Where each active model's learned state is saved so a restart continues from it. Empty: "
          + "<isthmus.data>/models when the framework property isthmus.data is set, else the pipeline bundle's data area.")
  String state_dir() default "";

  @AttributeDefinition(name = "State save interval (s)",
      description = "How often the learned state of every active model is saved; 0 saves it only when a model "
          + "is removed and when the pipeline stops.", min = "0", max = "86400")
  long state_save_interval_s() default 300;
}
