package io.isthmus.triage.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Isthmus triage suppression rule",
    description = "Findings matching every field given are counted on a suppressed alert instead of raised. "
        + "At least one of device, technique, model, indicator is required.")
@interface SuppressionConfig {

  @AttributeDefinition(name = "Device", description = "IP address or CIDR block, e.g. 10.20.0.0/16", required = false)
  String device() default "";

  @AttributeDefinition(name = "Technique", description = "ATT&CK for ICS technique id, e.g. T0843", required = false)
  String technique() default "";

  @AttributeDefinition(name = "Model", description = "Detection model id", required = false)
  String model() default "";

  @AttributeDefinition(name = "Indicator", description = "An indicator, or its name before ':' (new_writer)", required = false)
  String indicator() default "";

  @AttributeDefinition(name = "Until", description = "ISO-8601 UTC end, e.g. 2026-12-01T06:00:00Z (finding time); "
      + "empty: no end", required = false)
  String until() default "";

  @AttributeDefinition(name = "Reason", description = "Why, for the analyst", required = false)
  String reason() default "";
}
