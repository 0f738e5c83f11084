package io.isthmus.governance.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of governance (configuration pid {@code io.isthmus.governance}). */
@ObjectClassDefinition(name = "Isthmus governance", description = "Response proposals, approvals and the action executor.")
public @interface GovernanceConfig {

  @AttributeDefinition(name = "Tenant", description = "Tenant the alerts of this runtime belong to; rollout modes may be set per tenant.")
  String tenant() default "default";

  @AttributeDefinition(name = "Proposal queue", description = "Alerts waiting for a proposal at most; more are rejected, counted and logged.", min = "1")
  int queueCapacity() default 10_000;

  @AttributeDefinition(name = "Executor poll (ms)", description = "How often approved actions, retries and approval expiries are looked for.", min = "50")
  long pollMillis() default 500;

  @AttributeDefinition(name = "Connector attempts", description = "Calls per action before a transient failure becomes final.", min = "1")
  int maxAttempts() default 6;

  @AttributeDefinition(name = "First retry after (s)", description = "Backoff after the first transient failure; doubled after each further one.", min = "1")
  long retryBaseSeconds() default 5;

  @AttributeDefinition(name = "Longest retry wait (s)", min = "1")
  long retryMaxSeconds() default 600;
}
