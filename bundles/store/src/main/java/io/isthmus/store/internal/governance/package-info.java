/** The governance area of the store: governed actions, approvals, connector results, rollout settings. */
@NullMarked
package io.isthmus.store.internal.governance;

import org.jspecify.annotations.NullMarked;
