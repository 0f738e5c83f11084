/** Pax Exam tests of governance: policy bundles, approvals across a restart, the connector gate. */
@NullMarked
package io.isthmus.it.governance;

import org.jspecify.annotations.NullMarked;
