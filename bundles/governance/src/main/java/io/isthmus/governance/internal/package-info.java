/** Governance: policy engine, policy extender, rollout, approval queue, executor, REST. */
@NullMarked
package io.isthmus.governance.internal;

import org.jspecify.annotations.NullMarked;
