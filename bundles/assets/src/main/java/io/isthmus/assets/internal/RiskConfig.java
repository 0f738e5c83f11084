package io.isthmus.assets.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Isthmus asset risk",
    description = "How often the risk score of every asset is recomputed from criticality, exposure, known "
        + "vulnerabilities and the findings of the last 24 hours (docs/risk-score.md).")
@interface RiskConfig {

  @AttributeDefinition(name = "Interval (seconds)", description = "Time between two recomputations.", min = "10")
  int intervalSeconds() default 300;

  @AttributeDefinition(name = "First run after (seconds)", description = "Delay after start before the first one.", min = "0")
  int initialDelaySeconds() default 15;
}
